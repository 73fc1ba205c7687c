package dev.autosync.backfill;

import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The COPY statement of a rendered pipe, taken apart so that a bulk COPY can load chosen files
 * with exactly the pipe's column list, SELECT and file format: the one definition of the mapping
 * is the pipe's rendered statement, whatever template produced it.
 *
 * <p>Per copy-into-table.md the syntax is {@code COPY INTO t (cols) FROM (SELECT ... FROM @stage/path)
 * [FILES = (...)] [PATTERN = '...'] [FILE_FORMAT = (...)] [copyOptions]}; FILES is inserted right
 * after the FROM clause. A pipe's PATTERN (applied by Snowpipe to the path after the stage path) is
 * removed from the bulk COPY and applied by the caller instead, since FILES and PATTERN together load
 * only FILES ("not recommended", same page).
 */
public record PipeCopy(String beforeStage, String stageReference, String afterStage, String tail, Pattern pattern) {
    /** Snowflake's limit on the names in FILES (copy-into-table.md). */
    public static final int MAX_FILES = 1000;

    /** Takes apart the COPY of {@code createPipe} (a CREATE PIPE statement); {@code pipe} names it in errors. */
    public static PipeCopy of(String pipe, String createPipe) throws BackfillException {
        List<Token> tokens = SqlLexer.tokenize(createPipe);
        int copy = -1;
        Token previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isTrivia()) {
                continue;
            }
            if (t.isWord("COPY") && previous != null && previous.isWord("AS")) {
                copy = i;
                break;
            }
            previous = t;
        }
        if (copy < 0) {
            throw new BackfillException("The rendered pipe " + pipe + " has no 'AS COPY INTO' statement; re-run autosync:render "
                    + "(a template override of the pipe must keep CREATE PIPE ... AS COPY INTO ...).");
        }
        int from = -1;
        int depth = 0;
        int end = tokens.size() - 1;
        for (int i = copy; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                depth--;
            } else if (depth == 0 && from < 0 && t.isWord("FROM")) {
                from = i;
            } else if (depth == 0 && (t.is(TokenType.SEMICOLON) || t.is(TokenType.END))) {
                end = i;
                break;
            }
        }
        if (from < 0) {
            throw new BackfillException("The COPY of pipe " + pipe + " has no FROM clause.");
        }
        int next = nextSignificant(tokens, from + 1);
        String stage = null;
        int afterFrom;
        if (tokens.get(next).is(TokenType.STAGE_REFERENCE)) {
            stage = tokens.get(next).value();
            afterFrom = next + 1;
        } else if (tokens.get(next).is(TokenType.LEFT_PAREN)) {
            int d = 0;
            int i = next;
            for (; i < end; i++) {
                Token t = tokens.get(i);
                if (t.is(TokenType.LEFT_PAREN)) {
                    d++;
                } else if (t.is(TokenType.RIGHT_PAREN) && --d == 0) {
                    break;
                } else if (stage == null && t.is(TokenType.STAGE_REFERENCE)) {
                    stage = t.value();
                }
            }
            afterFrom = i + 1;
        } else {
            afterFrom = -1;
        }
        if (stage == null || afterFrom < 0) {
            throw new BackfillException("The COPY of pipe " + pipe + " does not read from a stage (@stage/path); backfill "
                    + "loads the pipe's own stage.");
        }
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        boolean seen = false;
        for (int i = copy; i < afterFrom; i++) {
            Token t = tokens.get(i);
            if (!seen && t.is(TokenType.STAGE_REFERENCE)) {
                seen = true;
                continue;
            }
            (seen ? after : before).append(t.text());
        }
        StringBuilder tail = new StringBuilder();
        Pattern pattern = null;
        boolean onError = false;
        for (int i = afterFrom; i < end; i++) {
            Token t = tokens.get(i);
            if (t.isWord("PATTERN")) {
                int eq = nextSignificant(tokens, i + 1);
                int value = nextSignificant(tokens, eq + 1);
                pattern = Pattern.compile(tokens.get(value).value());
                i = value;
                continue;
            }
            onError |= t.isWord("ON_ERROR");
            tail.append(t.text());
        }
        String options = tail.toString().stripTrailing();
        if (!onError) {
            // a pipe skips a bad file by default; a bulk COPY would abort (copy-into-table.md, ON_ERROR defaults)
            options += "\nON_ERROR = SKIP_FILE";
        }
        return new PipeCopy(before.toString(), stage, after.toString(), options, pattern);
    }

    private static int nextSignificant(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() - 1 && tokens.get(i).isTrivia()) {
            i++;
        }
        return i;
    }

    /** The COPY up to and including its FROM clause. */
    public String head() {
        return beforeStage + "@" + stageReference + afterStage;
    }

    /** The same COPY reading another stage location ({@code db.schema.stage/path/}): the mapping is untouched. */
    public PipeCopy withStage(String reference) {
        return new PipeCopy(beforeStage, reference, afterStage, tail, pattern);
    }

    /** The stage's name, without the path. */
    public String stageName() {
        int slash = stageReference.indexOf('/');
        return slash < 0 ? stageReference : stageReference.substring(0, slash);
    }

    /** The path inside the stage the pipe reads ({@code attendance/}), empty for the whole stage. */
    public String path() {
        int slash = stageReference.indexOf('/');
        return slash < 0 ? "" : stageReference.substring(slash + 1);
    }

    /**
     * A bulk COPY of {@code files} (names relative to the pipe's path) with the pipe's SELECT.
     * LOAD_UNCERTAIN_FILES: history is often older than COPY's 64 days of load metadata, and a file
     * of unknown status would otherwise be skipped (data-load-considerations-load.md, "Loading older
     * files"); loading nothing twice is the backfill's own record's job.
     */
    public String forFiles(List<String> files) {
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw new IllegalArgumentException("FILES takes 1 to " + MAX_FILES + " names, not " + files.size());
        }
        StringBuilder sb = new StringBuilder(head()).append("\nFILES = (");
        for (int i = 0; i < files.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(SqlLiterals.quote(files.get(i)));
        }
        return sb.append(')').append(tail).append("\nLOAD_UNCERTAIN_FILES = TRUE").toString();
    }
}
