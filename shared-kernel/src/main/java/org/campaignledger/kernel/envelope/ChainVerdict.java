package org.campaignledger.kernel.envelope;

import java.util.List;

/** Result of verifying one aggregate's hash chain; {@code firstBrokenSequence} is null when intact. */
public record ChainVerdict(boolean intact, Long firstBrokenSequence, String problem, int eventCount,
                           List<Link> links) {

    public record Link(long sequence, String eventId, String prevHash, String storedHash, String recomputedHash,
                       boolean valid, String problem) {
    }
}
