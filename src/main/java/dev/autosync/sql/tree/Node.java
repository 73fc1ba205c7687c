package dev.autosync.sql.tree;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A node of the Snowflake syntax tree. Nodes are immutable records; anything computed about them
 * later (a Snowflake type, a resolved object) belongs in a table keyed by node identity, so the
 * parser stays free of semantics.
 */
public interface Node {
    Span span();

    /**
     * The nodes directly inside this one, in source order: the record components that are nodes,
     * looked for through lists and through plain records such as {@link Expr.Case.When}.
     */
    default List<Node> children() {
        List<Node> out = new ArrayList<>();
        if (this instanceof Record r) {
            collectComponents(r, out);
        }
        return out;
    }

    /** This node and every node inside it, depth first in source order. */
    default Stream<Node> walk() {
        return Stream.concat(Stream.of(this), children().stream().flatMap(Node::walk));
    }

    private static void collectComponents(Record r, List<Node> out) {
        for (Method accessor : Accessors.OF.get(r.getClass())) {
            try {
                collect(accessor.invoke(r), out);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessor.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
    }

    private static void collect(Object value, List<Node> out) {
        if (value instanceof Node n) {
            out.add(n);
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        } else if (value instanceof Record r) {
            collectComponents(r, out);
        }
    }

    /** The component accessors of each record class, looked up once. */
    final class Accessors {
        private static final ClassValue<Method[]> OF = new ClassValue<>() {
            @Override
            protected Method[] computeValue(Class<?> type) {
                RecordComponent[] components = type.getRecordComponents();
                Method[] out = new Method[components.length];
                for (int i = 0; i < components.length; i++) {
                    out[i] = components[i].getAccessor();
                }
                return out;
            }
        };

        private Accessors() {
        }
    }
}
