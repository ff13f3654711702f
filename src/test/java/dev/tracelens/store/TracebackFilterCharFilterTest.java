package dev.tracelens.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast char filter against Lucene's regex char filter with the verbatim Elasticsearch pattern. */
class TracebackFilterCharFilterTest {

    /** The analyzer exactly as Elasticsearch defined it. */
    private static final class RegexAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PatternReplaceCharFilter(TracebackFilteredAnalyzer.pattern(), "", reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new LetterTokenizer());
        }
    }

    private static List<String> tokensWithOffsets(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
            out.add("end@" + offset.endOffset());
        }
        return out;
    }

    @Test
    void sameTokensAndOffsetsAsTheRegexOnGeneratedInputs() throws IOException {
        String[] pieces = {"_", "args", "File", "framework_cherrypy.py", "framework_cherrypyXpy", "handler_wrapper",
                "hooks", "in", "kwargs", "lib", "line", "local", "newrelic", "opt", "packages", "python2.7",
                "python2\n7", "python2\uD83D\uDE007", "return", "site", "venv", "wordstream_virtualenv", "wrapped",
                "i", "n", "l", "p", "y", "t", "o", "h", "2", ".", " ", "\n", "\"", "/", "Ü", "é", "\uD83D\uDE00",
                "validated", "log", "KeyError", "x", "w", "r", "a", "s", "e", "F", "f", "k", "v"};
        Random random = new Random(20160812);
        try (Analyzer fast = new TracebackFilteredAnalyzer(); Analyzer regex = new RegexAnalyzer()) {
            for (int round = 0; round < 20_000; round++) {
                StringBuilder sb = new StringBuilder();
                int parts = random.nextInt(12);
                for (int i = 0; i < parts; i++) {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
                String text = sb.toString();
                assertEquals(tokensWithOffsets(regex, text), tokensWithOffsets(fast, text), "input: " + text);
            }
        }
    }

    @Test
    void sameOutputOnARealTraceback() throws IOException {
        String text = "Traceback (most recent call last):\n"
                + "  File \"/opt/wordstream_virtualenv/lib/python2.7/site-packages/newrelic/hooks/"
                + "framework_cherrypy.py\", line 42, in handler_wrapper\n"
                + "    return wrapped(*args, **kwargs)\n"
                + "  File \"/srv/app/views.py\", line 12, in login_required\n"
                + "    validated_input = validate(request.params)\n"
                + "KeyError: 'user_id'";
        try (Analyzer fast = new TracebackFilteredAnalyzer(); Analyzer regex = new RegexAnalyzer()) {
            assertEquals(tokensWithOffsets(regex, text), tokensWithOffsets(fast, text));
        }
        assertEquals(TracebackFilteredAnalyzer.pattern().matcher(text).replaceAll(""),
                TracebackFilterCharFilter.filter(text, null));
    }
}
