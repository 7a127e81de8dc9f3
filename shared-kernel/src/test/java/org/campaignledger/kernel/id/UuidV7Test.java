package org.campaignledger.kernel.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {
    @Test
    void ids_are_version_7_and_carry_their_millisecond() {
        Instant at = Instant.parse("2014-02-28T00:00:00.123Z");
        UUID id = UuidV7.next(Clock.fixed(at, ZoneOffset.UTC));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void later_ids_sort_after_earlier_ones() {
        UUID early = UuidV7.next(Clock.fixed(Instant.parse("2014-01-01T00:00:00Z"), ZoneOffset.UTC));
        UUID late = UuidV7.next(Clock.fixed(Instant.parse("2014-01-01T00:00:00.001Z"), ZoneOffset.UTC));
        assertThat(early.toString()).isLessThan(late.toString());
    }

    @Test
    void typed_ids_reject_unsafe_text() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UnitId.of("a b"))
                .hasMessageContaining("unitId");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpinionId.of(" "))
                .hasMessageContaining("opinionId");
    }
}
