package dev.autosync.sql.parse;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.*;
import dev.autosync.sql.tree.GroupingElement;
import dev.autosync.sql.tree.OrderItem;
import dev.autosync.sql.tree.PathStep;
import dev.autosync.sql.tree.Query;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.Relation;
import dev.autosync.sql.tree.Window;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fully parenthesized prefix text of a tree, so tests can state the shape the parser built. */
final class TreeText {
    private TreeText() {
    }

    static String of(Expr e) {
        if (e instanceof StringLiteral s) {
            return "'" + s.value() + "'";
        } else if (e instanceof NumberLiteral n) {
            return n.text();
        } else if (e instanceof BooleanLiteral b) {
            return String.valueOf(b.value()).toUpperCase();
        } else if (e instanceof NullLiteral) {
            return "NULL";
        } else if (e instanceof TypedLiteral t) {
            return "(" + t.type() + " '" + t.value() + "')";
        } else if (e instanceof IntervalLiteral i) {
            return "(INTERVAL '" + i.value() + "')";
        } else if (e instanceof ArrayLiteral a) {
            return "[" + all(a.elements()) + "]";
        } else if (e instanceof ObjectLiteral o) {
            return "{" + o.entries().stream().map(x -> "'" + x.key() + "': " + of(x.value())).collect(Collectors.joining(" ")) + "}";
        } else if (e instanceof Parameter) {
            return "?";
        } else if (e instanceof SessionVariable v) {
            return "$" + v.name();
        } else if (e instanceof ColumnRef c) {
            return String.join(".", c.parts());
        } else if (e instanceof PositionalRef r) {
            return (r.qualifier().isEmpty() ? "" : String.join(".", r.qualifier()) + ".") + "$" + r.position();
        } else if (e instanceof Star s) {
            return (s.qualifier().isEmpty() ? "" : String.join(".", s.qualifier()) + ".") + "*"
                    + (s.ilike() == null ? "" : " ilike '" + s.ilike() + "'")
                    + (s.exclude().isEmpty() ? "" : " exclude " + s.exclude())
                    + (s.replace().isEmpty() ? "" : " replace " + s.replace().stream().map(r -> of(r.value()) + " as " + r.column()).toList())
                    + (s.rename().isEmpty() ? "" : " rename " + s.rename().stream().map(r -> r.column() + " as " + r.alias()).toList());
        } else if (e instanceof Unary u) {
            return "(" + (u.operator() == UnaryOperator.NOT ? "NOT" : u.operator() == UnaryOperator.MINUS ? "-" : "+") + " "
                    + of(u.operand()) + ")";
        } else if (e instanceof Binary b) {
            return "(" + b.operator().symbol() + " " + of(b.left()) + " " + of(b.right()) + ")";
        }
        return predicate(e);
    }

    private static String predicate(Expr e) {
        if (e instanceof IsNull n) {
            return "(" + (n.negated() ? "IS NOT NULL " : "IS NULL ") + of(n.operand()) + ")";
        } else if (e instanceof IsDistinctFrom d) {
            return "(" + (d.negated() ? "IS NOT DISTINCT FROM " : "IS DISTINCT FROM ") + of(d.left()) + " " + of(d.right()) + ")";
        } else if (e instanceof InList i) {
            return "(" + not(i.negated()) + "IN " + of(i.operand()) + " [" + all(i.values()) + "])";
        } else if (e instanceof InQuery i) {
            return "(" + not(i.negated()) + "IN " + of(i.operand()) + " " + of(i.query()) + ")";
        } else if (e instanceof Between b) {
            return "(" + not(b.negated()) + "BETWEEN " + of(b.operand()) + " " + of(b.low()) + " " + of(b.high()) + ")";
        } else if (e instanceof Like l) {
            return "(" + not(l.negated()) + l.operator() + (l.quantifier() == null ? "" : " " + l.quantifier()) + " "
                    + of(l.operand()) + " " + all(l.patterns()) + (l.escape() == null ? "" : " ESCAPE " + of(l.escape())) + ")";
        } else if (e instanceof QuantifiedComparison q) {
            return "(" + q.operator().symbol() + " " + q.quantifier() + " " + of(q.left()) + " " + of(q.query()) + ")";
        } else if (e instanceof Exists x) {
            return "(EXISTS " + of(x.query()) + ")";
        } else if (e instanceof ScalarSubquery s) {
            return of(s.query());
        } else if (e instanceof Tuple t) {
            return "(tuple " + all(t.items()) + ")";
        } else if (e instanceof Case c) {
            return "(CASE" + (c.operand() == null ? "" : " " + of(c.operand()))
                    + c.whens().stream().map(w -> " (WHEN " + of(w.condition()) + " " + of(w.result()) + ")").collect(Collectors.joining())
                    + (c.otherwise() == null ? "" : " (ELSE " + of(c.otherwise()) + ")") + ")";
        } else if (e instanceof Cast c) {
            return "(" + c.syntax() + " " + of(c.operand()) + " " + c.type().name()
                    + (c.type().parameters().isEmpty() ? "" : c.type().parameters()) + ")";
        } else if (e instanceof FunctionCall f) {
            return call(f);
        } else if (e instanceof Extract x) {
            return "(EXTRACT " + x.part() + " " + of(x.source()) + ")";
        } else if (e instanceof Position p) {
            return "(POSITION " + of(p.needle()) + " " + of(p.haystack()) + ")";
        } else if (e instanceof Path p) {
            return "(path " + of(p.base()) + p.steps().stream().map(s -> s instanceof PathStep.Field f ? " ." + f.key()
                    : " [" + of(((PathStep.Element) s).index()) + "]").collect(Collectors.joining()) + ")";
        } else if (e instanceof Lambda l) {
            return "(lambda " + l.parameters() + " " + of(l.body()) + ")";
        } else if (e instanceof Collate c) {
            return "(COLLATE " + of(c.operand()) + " '" + c.collation() + "')";
        }
        return "DEFAULT";
    }

    private static String not(boolean negated) {
        return negated ? "NOT " : "";
    }

    private static String call(FunctionCall f) {
        StringBuilder sb = new StringBuilder("(" + String.join(".", f.name()));
        if (f.distinct()) {
            sb.append(" DISTINCT");
        }
        for (FunctionCall.Argument a : f.arguments()) {
            sb.append(' ').append(a.name() == null ? "" : a.name() + "=>").append(of(a.value()));
        }
        if (f.nulls() != null) {
            sb.append(' ').append(f.nulls()).append(" NULLS");
        }
        if (!f.withinGroup().isEmpty()) {
            sb.append(" (WITHIN GROUP ").append(order(f.withinGroup())).append(')');
        }
        if (f.over() != null) {
            Window w = f.over();
            sb.append(" (OVER");
            if (!w.partitionBy().isEmpty()) {
                sb.append(" (PARTITION ").append(all(w.partitionBy())).append(')');
            }
            if (!w.orderBy().isEmpty()) {
                sb.append(" (ORDER ").append(order(w.orderBy())).append(')');
            }
            if (w.frame() != null) {
                sb.append(" (").append(w.frame().unit()).append(' ').append(bound(w.frame().start()));
                if (w.frame().end() != null) {
                    sb.append(' ').append(bound(w.frame().end()));
                }
                sb.append(')');
            }
            sb.append(')');
        }
        return sb.append(')').toString();
    }

    private static String bound(Window.Bound b) {
        return b.offset() == null ? b.kind().toString() : of(b.offset()) + " " + b.kind();
    }

    static String order(List<OrderItem> items) {
        return items.stream().map(i -> of(i.expr()) + (i.direction() == null ? "" : " " + i.direction())
                + (i.nulls() == null ? "" : " NULLS " + i.nulls())).collect(Collectors.joining(", "));
    }

    private static String all(List<Expr> items) {
        return join(items, TreeText::of);
    }

    private static <T> String join(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(" "));
    }

    static String of(Query q) {
        StringBuilder sb = new StringBuilder("{");
        if (q.with() != null) {
            sb.append(q.with().recursive() ? "WITH RECURSIVE " : "WITH ")
                    .append(join(q.with().ctes(), c -> c.name() + (c.columns().isEmpty() ? "" : c.columns()) + " AS " + of(c.query())))
                    .append(' ');
        }
        sb.append(of(q.body()));
        if (!q.orderBy().isEmpty()) {
            sb.append(" ORDER BY ").append(order(q.orderBy()));
        }
        if (q.limit() != null) {
            sb.append(" LIMIT ").append(of(q.limit()));
        }
        if (q.offset() != null) {
            sb.append(" OFFSET ").append(of(q.offset()));
        }
        return sb.append('}').toString();
    }

    static String of(QueryBody b) {
        if (b instanceof QueryBody.SetOperation s) {
            return "(" + s.operator() + (s.all() ? " ALL" : "") + (s.byName() ? " BY NAME" : "") + " " + of(s.left()) + " "
                    + of(s.right()) + ")";
        } else if (b instanceof QueryBody.Values v) {
            return "VALUES " + join(v.rows(), r -> "(" + all(r) + ")");
        } else if (b instanceof QueryBody.Nested n) {
            return of(n.query());
        }
        QueryBody.Select s = (QueryBody.Select) b;
        StringBuilder sb = new StringBuilder("SELECT");
        if (s.distinct()) {
            sb.append(" DISTINCT");
        }
        if (s.top() != null) {
            sb.append(" TOP ").append(of(s.top()));
        }
        sb.append(' ').append(s.items().stream().map(i -> of(i.expr()) + (i.alias() == null ? "" : " AS " + i.alias()))
                .collect(Collectors.joining(", ")));
        if (!s.into().isEmpty()) {
            sb.append(" INTO ").append(s.into());
        }
        if (!s.from().isEmpty()) {
            sb.append(" FROM ").append(s.from().stream().map(TreeText::of).collect(Collectors.joining(", ")));
        }
        if (s.where() != null) {
            sb.append(" WHERE ").append(of(s.where()));
        }
        if (s.groupBy() != null) {
            sb.append(" GROUP BY ").append(s.groupBy().all() ? "ALL" : join(s.groupBy().elements(), TreeText::grouping));
        }
        if (s.having() != null) {
            sb.append(" HAVING ").append(of(s.having()));
        }
        if (s.qualify() != null) {
            sb.append(" QUALIFY ").append(of(s.qualify()));
        }
        return sb.toString();
    }

    private static String grouping(GroupingElement g) {
        if (g instanceof Expr e) {
            return of(e);
        }
        GroupingElement.GroupingSets s = (GroupingElement.GroupingSets) g;
        return "(" + s.kind() + " " + all(s.items()) + ")";
    }

    static String of(Relation r) {
        if (r instanceof Relation.Join j) {
            return "(" + (j.natural() ? "NATURAL " : "") + j.type() + " JOIN " + of(j.left()) + " " + of(j.right())
                    + (j.on() == null ? "" : " ON " + of(j.on())) + (j.using().isEmpty() ? "" : " USING " + j.using()) + ")";
        } else if (r instanceof Relation.Lateral l) {
            return "(LATERAL " + of(l.relation()) + ")";
        } else if (r instanceof Relation.TableRef t) {
            return String.join(".", t.name()) + modifiers(t.modifiers()) + alias(t.alias());
        } else if (r instanceof Relation.StageRef s) {
            return "@" + s.location() + (s.options().isEmpty() ? "" : s.options().toString()) + alias(s.alias());
        } else if (r instanceof Relation.TableFunction f) {
            return (f.tableKeyword() ? "TABLE" : "") + call(f.call()) + alias(f.alias());
        } else if (r instanceof Relation.Derived d) {
            return of(d.query()) + modifiers(d.modifiers()) + alias(d.alias());
        } else if (r instanceof Relation.ValuesTable v) {
            return "(" + of(v.values()) + ")" + alias(v.alias());
        }
        Relation.NestedJoin n = (Relation.NestedJoin) r;
        return "[" + n.relations().stream().map(TreeText::of).collect(Collectors.joining(", ")) + "]" + alias(n.alias());
    }

    private static String modifiers(List<Relation.Modifier> modifiers) {
        return modifiers.stream().map(m -> " " + m.keyword()).collect(Collectors.joining());
    }

    private static String alias(Relation.Alias a) {
        return a == null ? "" : " AS " + a.name() + (a.columns().isEmpty() ? "" : a.columns().toString());
    }
}
