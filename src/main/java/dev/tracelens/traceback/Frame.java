package dev.tracelens.traceback;

/**
 * One {@code File "...", line N, in func} entry of a traceback, with the source line Python
 * printed under it ({@code code}, empty when absent). {@code line} is 0 when unknown.
 */
public record Frame(String file, int line, String function, String code) {
    public Frame {
        file = file == null ? "" : file;
        function = function == null ? "" : function;
        code = code == null ? "" : code;
    }
}
