package dev.tracelens.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a {@link StoreFilter} into a Lucene query. Thread-safe. */
final class StoreQueryBuilder {
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    /** The token a parse error names: {@code Encountered " <AND> "AND "" at line 1}. */
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \" \\S+ \"(.+?) \"\" at line");

    private final Analyzer queryAnalyzer;

    StoreQueryBuilder(TracebackFilteredAnalyzer analyzer) {
        // Keyword fields may be named in the query (exceptionType:KeyError); they are not analyzed.
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        this.queryAnalyzer = new PerFieldAnalyzerWrapper(analyzer, Map.of(
                StoreSchema.HOST, keyword, StoreSchema.PROGRAM, keyword, StoreSchema.EXCEPTION_TYPE, keyword,
                StoreSchema.FINGERPRINT, keyword, StoreSchema.FIRST_ID, keyword, StoreSchema.ARCHIVE, keyword));
    }

    static Query tracebacks() {
        return new TermQuery(new Term(StoreSchema.KIND, StoreSchema.KIND_TRACEBACK));
    }

    /** The filter as a query; the text part (if any) scores, the rest only filters. */
    Query build(StoreFilter filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(tracebacks(), BooleanClause.Occur.FILTER);
        if (filter.since() != null || filter.until() != null) {
            long from = filter.since() == null ? Long.MIN_VALUE : filter.since().toEpochMilli();
            long to = filter.until() == null ? Long.MAX_VALUE : filter.until().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(StoreSchema.TIME, from, to), BooleanClause.Occur.FILTER);
        }
        anyOf(b, StoreSchema.HOST, filter.hosts());
        anyOf(b, StoreSchema.PROGRAM, filter.programs());
        anyOf(b, StoreSchema.EXCEPTION_TYPE, filter.types());
        languages(b, filter.languages());
        if (filter.fingerprint() != null && !filter.fingerprint().isBlank()) {
            b.add(new TermQuery(new Term(StoreSchema.FINGERPRINT, filter.fingerprint())), BooleanClause.Occur.FILTER);
        }
        if (filter.hasText()) {
            b.add(parse(filter.text()), BooleanClause.Occur.MUST);
        }
        return b.build();
    }

    /** Documents written before tracebacks had a language field hold Python tracebacks only. */
    private static void languages(BooleanQuery.Builder b, java.util.List<String> languages) {
        if (languages.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String language : languages) {
            any.add(new TermQuery(new Term(StoreSchema.LANGUAGE, language)), BooleanClause.Occur.SHOULD);
            if (language.equals("python")) {
                any.add(new BooleanQuery.Builder()
                        .add(tracebacks(), BooleanClause.Occur.FILTER)
                        .add(new org.apache.lucene.search.FieldExistsQuery(StoreSchema.LANGUAGE), BooleanClause.Occur.MUST_NOT)
                        .build(), BooleanClause.Occur.SHOULD);
            }
        }
        b.add(any.build(), BooleanClause.Occur.FILTER);
    }

    /**
     * Parses the classic Lucene query syntax over the traceback text; words default to AND (every
     * word must occur), which is what one wants when pasting part of a traceback.
     *
     * @throws QuerySyntaxException       with the parser's message and column
     * @throws NoSearchableWordsException when the analyzer removes every word of the query
     */
    Query parse(String text) {
        QueryParser parser = new QueryParser(StoreSchema.TEXT, queryAnalyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(true);
        parser.setMultiTermRewriteMethod(MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
        Query q;
        try {
            q = parser.parse(text);
        } catch (ParseException e) {
            throw syntaxError(text, e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException(text, 0, "The query '" + text + "' has too many terms", e);
        }
        if (!hasLeaf(q)) {
            throw new NoSearchableWordsException(text);
        }
        return q;
    }

    private static QuerySyntaxException syntaxError(String text, ParseException e) {
        int column = 0;
        String token = null;
        if (e.currentToken != null && e.currentToken.next != null) {
            // The parser counts columns from 0; people (and the message) count from 1.
            column = e.currentToken.next.beginColumn + 1;
            token = e.currentToken.next.kind == 0 ? null : e.currentToken.next.image;
        }
        String detail = e.getMessage() == null ? "" : e.getMessage();
        int expecting = detail.indexOf("\nWas expecting");
        if (expecting >= 0) {
            detail = detail.substring(0, expecting);
        }
        detail = detail.replaceFirst("^Cannot parse '.*?': ", "").strip();
        boolean lexical = detail.startsWith("Lexical error");
        if (token == null) {
            Matcher m = ENCOUNTERED.matcher(detail);
            if (m.find()) {
                token = m.group(1);
            }
        }
        if (column == 0) {
            Matcher m = COLUMN.matcher(detail);
            if (m.find()) {
                // A parse error's column counts from 0; a lexical error's already names the
                // character after the last one read, counted from 1.
                column = Integer.parseInt(m.group(1)) + (lexical ? 0 : 1);
            }
        }
        String where = column > 0 ? " at column " + column : "";
        return new QuerySyntaxException(text, column, "Bad query syntax" + where + " in '" + text + "': " + detail,
                reason(text, token, lexical, detail), e);
    }

    /** What is wrong, in a few words a user can act on (the parser's own words name grammar tokens). */
    static String reason(String text, String token, boolean lexical, String detail) {
        String t = text.strip();
        if (lexical) {
            return detail.contains("after prefix \"\\\"") || t.chars().filter(c -> c == '"').count() % 2 == 1
                    ? "a quote is not closed"
                    : "the query ends in a special character (escape it with \\)";
        }
        if (token != null) {
            String tk = token.strip();
            return switch (tk) {
                case "AND", "OR" -> tk + " needs a word on both sides";
                case "NOT" -> "NOT needs a word after it";
                case ")" -> "a ')' has no '(' to close";
                default -> "unexpected '" + tk + "'";
            };
        }
        if (t.matches("(?s).*\\b(AND|OR|NOT)$")) {
            return t.substring(t.lastIndexOf(' ') + 1) + " needs a word after it";
        }
        if (t.endsWith(":")) {
            return "'" + t.substring(Math.max(t.lastIndexOf(' '), t.lastIndexOf('(')) + 1) + "' needs a value after it";
        }
        if (t.chars().filter(c -> c == '(').count() > t.chars().filter(c -> c == ')').count()) {
            return "a '(' is not closed";
        }
        if (t.contains("[") || t.contains("{")) {
            return "a range [from TO to] is not closed";
        }
        return "the query ends too early";
    }

    /** Whether anything in the query can match a document (a term, a pattern or match-all). */
    private static boolean hasLeaf(Query q) {
        boolean[] found = {false};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                if (terms.length > 0) {
                    found[0] = true;
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                found[0] = true;
            }

            @Override
            public void visitLeaf(Query query) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
        b.add(new TermInSetQuery(field, terms), BooleanClause.Occur.FILTER);
    }
}
