package dev.tracelens.ui.detail;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WhyGroupedTest {
    @Test
    void namesEachKindOfPartWithTheRulesApplied() {
        assertEquals(List.of("Type: KeyError", "Cause types: ValueError, TypeError",
                        "Frames: billing/api/views.py:get → billing/models.py:load", "Rule r1 merged into 0123456789abcdef"),
                WhyGrouped.lines(List.of("type:KeyError", "cause:ValueError", "group:TypeError",
                        "frame:billing/api/views.py:get", "frame:billing/models.py:load", "rules-from:fedcba9876543210",
                        "rule:r1 merged into 0123456789abcdef")));
        assertEquals(List.of("Type: redis.ConnectionError", "Message (no own frame): Error <num> connecting to <num>:<num>."),
                WhyGrouped.lines(List.of("type:redis.ConnectionError", "message:Error <num> connecting to <num>:<num>.")));
        assertEquals(List.of("Type: (none: cut off before its exception line)", "truncated"),
                WhyGrouped.lines(List.of("type:", "truncated")));
    }
}
