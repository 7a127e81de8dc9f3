package org.campaignledger.kernel.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashChainTest {

    private static List<StoredEvent> chain(int length) {
        List<StoredEvent> events = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 0; i < length; i++) {
            Map<String, String> meta = new HashMap<>(Map.of("actorId", "p" + i, MetaDataKeys.PREV_HASH, prev));
            StoredEvent unsigned = event(i, "{\"n\":" + i + ",\"b\":\"x\"}", meta);
            String hash = HashChain.link(prev, unsigned);
            meta.put(MetaDataKeys.HASH, hash);
            events.add(event(i, "{\"n\":" + i + ",\"b\":\"x\"}", meta));
            prev = hash;
        }
        return events;
    }

    private static StoredEvent event(long sequence, String payload, Map<String, String> meta) {
        return new StoredEvent("e" + sequence, "Opinion", "op-1", sequence, "2014-02-20T01:00:00.000Z",
                "org.example.OpinionRecorded", "1", payload.getBytes(StandardCharsets.UTF_8), meta);
    }

    @Test
    void an_untouched_chain_verifies() {
        ChainVerdict verdict = HashChain.verify(chain(4));
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.firstBrokenSequence()).isNull();
        assertThat(verdict.eventCount()).isEqualTo(4);
    }

    @Test
    void an_edited_payload_breaks_the_chain_at_its_sequence_and_only_there() {
        List<StoredEvent> events = chain(4);
        StoredEvent original = events.get(2);
        events.set(2, new StoredEvent(original.eventId(), original.aggregateType(), original.aggregateId(),
                original.sequence(), original.timestamp(), original.payloadType(), original.payloadRevision(),
                "{\"n\":99,\"b\":\"x\"}".getBytes(StandardCharsets.UTF_8), original.metaData()));
        ChainVerdict verdict = HashChain.verify(events);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(2);
        assertThat(verdict.links()).extracting(ChainVerdict.Link::valid).containsExactly(true, true, false, true);
    }

    @Test
    void an_edited_envelope_breaks_the_chain() {
        List<StoredEvent> events = chain(2);
        StoredEvent original = events.get(1);
        Map<String, String> meta = new HashMap<>(original.metaData());
        meta.put("actorId", "someone-else");
        events.set(1, new StoredEvent(original.eventId(), original.aggregateType(), original.aggregateId(),
                original.sequence(), original.timestamp(), original.payloadType(), original.payloadRevision(),
                original.payloadJson(), meta));
        assertThat(HashChain.verify(events).firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void a_deleted_event_is_a_gap() {
        List<StoredEvent> events = chain(3);
        events.remove(1);
        ChainVerdict verdict = HashChain.verify(events);
        assertThat(verdict.firstBrokenSequence()).isEqualTo(2);
        assertThat(verdict.problem()).contains("sequence gap");
    }

    private static StoredEvent withPayload(StoredEvent original, String payload) {
        return new StoredEvent(original.eventId(), original.aggregateType(), original.aggregateId(),
                original.sequence(), original.timestamp(), original.payloadType(), original.payloadRevision(),
                payload.getBytes(StandardCharsets.UTF_8), original.metaData());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON at all|this is not json",
            "truncated|{\"n\":1,\"b\":\"",
            "valid JSON followed by garbage|{\"n\":1,\"b\":\"x\"} trailing",
            "emptied|''"})
    void a_payload_that_is_no_longer_json_is_a_verdict_at_its_sequence_not_an_exception(String how, String payload) {
        List<StoredEvent> events = chain(3);
        events.set(1, withPayload(events.get(1), payload));

        ChainVerdict verdict = HashChain.verify(events);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(1);
        assertThat(verdict.problem()).isEqualTo("the stored payload is not JSON");
        assertThat(verdict.links()).extracting(ChainVerdict.Link::valid).containsExactly(true, false, true);
        assertThat(verdict.links().get(1).recomputedHash()).isNull();
    }

    @Test
    void metadata_that_could_not_be_read_is_reported_once_at_its_sequence() {
        List<StoredEvent> events = chain(3);
        StoredEvent original = events.get(1);
        events.set(1, new StoredEvent(original.eventId(), original.aggregateType(), original.aggregateId(),
                original.sequence(), original.timestamp(), original.payloadType(), original.payloadRevision(),
                original.payloadJson(), Map.of()));

        ChainVerdict verdict = HashChain.verify(events);

        assertThat(verdict.firstBrokenSequence()).isEqualTo(1);
        assertThat(verdict.problem()).contains("metadata is missing or not JSON");
        assertThat(verdict.links()).extracting(ChainVerdict.Link::valid).containsExactly(true, false, true);
    }

    @Test
    void a_verifier_resuming_after_a_snapshot_takes_the_first_prev_hash_as_given_and_checks_the_rest() {
        List<StoredEvent> events = chain(4);
        HashChain.Verifier verifier = HashChain.Verifier.resumingAt(2);
        assertThat(verifier.next(events.get(2)).valid()).isTrue();
        assertThat(verifier.next(withPayload(events.get(3), "{\"n\":3,\"b\":\"y\"}")).problem())
                .isEqualTo("stored hash does not match the recomputed hash of the event's content");
    }

    @Test
    void the_canonical_form_ignores_key_order_and_whitespace() {
        Map<String, String> meta = Map.of("b", "2", "a", "1");
        StoredEvent one = event(0, "{\"z\":1, \"a\":{\"y\":2,\"x\":[3,1]}}", meta);
        StoredEvent two = event(0, "{\"a\":{\"x\":[3,1],\"y\":2},\"z\":1}", new HashMap<>(meta));
        assertThat(HashChain.canonicalBytes(one)).isEqualTo(HashChain.canonicalBytes(two));
        assertThat(new String(HashChain.canonicalBytes(one), StandardCharsets.UTF_8)).isEqualTo(
                "{\"aggregateId\":\"op-1\",\"aggregateType\":\"Opinion\",\"eventId\":\"e0\",\"metaData\":{\"a\":\"1\","
                        + "\"b\":\"2\"},\"payload\":{\"a\":{\"x\":[3,1],\"y\":2},\"z\":1},\"payloadRevision\":\"1\","
                        + "\"payloadType\":\"org.example.OpinionRecorded\",\"sequence\":0,"
                        + "\"timestamp\":\"2014-02-20T01:00:00.000Z\"}");
    }
}
