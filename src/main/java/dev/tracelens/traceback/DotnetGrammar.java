package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;

import java.util.List;

final class DotnetGrammar implements TraceGrammar {
    @Override
    public Language language() {
        return Language.DOTNET;
    }

    @Override
    public void trigger(ByteTrigger.Builder trigger) {
    }

    @Override
    public OpenTrace open(Opening opening) {
        return null;
    }

    @Override
    public ParsedTraceback parse(List<String> lines) {
        return null;
    }

    @Override
    public List<LineKind> kinds(List<String> lines, InApp inApp) {
        return null;
    }

    @Override
    public Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        return null;
    }
}
