package org.campaignledger.query.access;

import java.util.Map;
import java.util.Set;

/** Readers for tests in other packages, which read as an auditor unless they test access itself. */
public final class TestReaders {
    private TestReaders() {
    }

    public static ReadAccess auditor() {
        return platform(ReadRole.AUDITOR);
    }

    public static ReadAccess platform(ReadRole... roles) {
        return new ReadAccess(() -> new Reader("platform-reader", Set.of(roles), Set.of(), Map.of()));
    }
}
