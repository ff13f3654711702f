package dev.tracelens.engine;

import dev.tracelens.store.TracebackFilteredAnalyzer;

import java.util.List;

/** The store's text analysis, as {@code tracelens analyze} shows it (like Elasticsearch's {@code _analyze}). */
public final class TextAnalysis {
    /** The analyzer's name, as the teams' Elasticsearch index called it. */
    public static final String ANALYZER = TracebackFilteredAnalyzer.NAME;

    private TextAnalysis() {
    }

    /** The tokens the store indexes and searches for in {@code text}, in order. */
    public static List<String> tokens(String text) {
        try (TracebackFilteredAnalyzer analyzer = new TracebackFilteredAnalyzer()) {
            return analyzer.tokens(text);
        }
    }
}
