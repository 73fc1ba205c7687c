package dev.autosync.emulator.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pipe's groups sized by the time they hold the engine lock (the emulator's own scheduling; Snowflake's
 * "Snowpipe" page, Transactions, says only that loads are combined or split by the files' number and size).
 */
class GroupSizerTest {
    private static final long MB = 1L << 20;

    @Test
    void theFirstGroupIsSmallThenGroupsAimAtTheTargetLockHold() {
        GroupSizer sizer = new GroupSizer(32 * MB);
        assertEquals(4 * MB, sizer.budget());
        sizer.measured(4 * MB, GroupSizer.TARGET_NANOS / 2); // 4 MB in half the target: 8 MB in the target
        assertEquals(8 * MB, sizer.budget());
    }

    @Test
    void aSlowerLoadShrinksTheNextGroupHalfWay() {
        GroupSizer sizer = new GroupSizer(32 * MB);
        long t = GroupSizer.TARGET_NANOS;
        sizer.measured(8 * MB, t); // the target per 8 MB
        sizer.measured(8 * MB, 3 * t); // then 3 targets per 8 MB: the estimate becomes 2 per 8 MB
        assertEquals(4 * MB, sizer.budget());
    }

    @Test
    void theBudgetStaysWithinTheByteCap() {
        GroupSizer sizer = new GroupSizer(32 * MB);
        sizer.measured(10 * MB, GroupSizer.TARGET_NANOS / 100); // 1 GB in the target
        assertEquals(32 * MB, sizer.budget());
        GroupSizer slow = new GroupSizer(32 * MB);
        slow.measured(1, 5 * GroupSizer.TARGET_NANOS);
        assertEquals(1, slow.budget(), "at least a byte: the group still takes its first file");
    }

    @Test
    void emptyOrInstantLoadsTeachNothing() {
        GroupSizer sizer = new GroupSizer(32 * MB);
        sizer.measured(0, 1_000_000L);
        sizer.measured(MB, 0);
        assertEquals(4 * MB, sizer.budget());
    }
}
