package org.campaignledger.kernel.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-aggregate hash chain (DOMAIN §3.2, docs/hash-chain.md):
 * {@code hash(n) = hex(SHA-256(utf8(hash(n-1)) ‖ canonical(event n)))}, with {@code hash(-1)} = 64 zeros.
 *
 * <p>The canonical form is JSON with object keys sorted by code point, no insignificant whitespace, UTF-8,
 * over {@code aggregateId, aggregateType, eventId, metaData (without hash and prevHash), payload,
 * payloadRevision, payloadType, sequence, timestamp}. Everything in it is stored verbatim in the event
 * store, so an outside tool can recompute every link.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);
    // Trailing bytes after the first value make a payload non-JSON, as they do for any other JSON reader.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private HashChain() {
    }

    public static byte[] canonicalBytes(StoredEvent event) {
        Map<String, String> meta = new TreeMap<>(event.metaData());
        meta.remove(MetaDataKeys.HASH);
        meta.remove(MetaDataKeys.PREV_HASH);
        JsonNode payload;
        try {
            payload = event.payloadJson() == null ? null : JSON.readTree(event.payloadJson());
        } catch (IOException e) {
            throw new NotJsonException("payload of " + event.eventId() + " is not JSON", e);
        }
        if (payload == null || payload.isMissingNode()) {
            throw new NotJsonException("payload of " + event.eventId() + " is empty", null);
        }
        StringBuilder out = new StringBuilder(256 + event.payloadJson().length);
        out.append('{');
        field(out, "aggregateId", event.aggregateId()).append(',');
        field(out, "aggregateType", event.aggregateType()).append(',');
        field(out, "eventId", event.eventId()).append(',');
        string(out, "metaData").append(":{");
        boolean first = true;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            field(out, e.getKey(), e.getValue());
        }
        out.append("},");
        string(out, "payload").append(':');
        canonical(out, payload);
        out.append(',');
        field(out, "payloadRevision", event.payloadRevision()).append(',');
        field(out, "payloadType", event.payloadType()).append(',');
        string(out, "sequence").append(':').append(event.sequence()).append(',');
        field(out, "timestamp", event.timestamp());
        out.append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String link(String prevHash, StoredEvent event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha.update(canonicalBytes(event));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Verifies one aggregate stream given in sequence order; names the first broken link. */
    public static ChainVerdict verify(List<StoredEvent> stream) {
        Verifier verifier = Verifier.fromGenesis();
        List<ChainVerdict.Link> links = new ArrayList<>(stream.size());
        ChainVerdict.Link firstBroken = null;
        for (StoredEvent event : stream) {
            ChainVerdict.Link link = verifier.next(event);
            links.add(link);
            if (!link.valid() && firstBroken == null) {
                firstBroken = link;
            }
        }
        return new ChainVerdict(firstBroken == null, firstBroken == null ? null : firstBroken.sequence(),
                firstBroken == null ? null : firstBroken.problem(), stream.size(), links);
    }

    /** The stored payload is not a JSON document, so the event has no canonical form and no recomputable hash. */
    public static final class NotJsonException extends IllegalArgumentException {
        NotJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks a stream one event at a time, in sequence order, so a reader that streams events (the command side
     * loading an aggregate) verifies them as they pass instead of holding the whole stream.
     */
    public static final class Verifier {
        /** Null while the next event's stored prevHash has to be taken as given (no trusted predecessor). */
        private String expectedPrev;
        private long expectedSequence;

        private Verifier(String expectedPrev, long expectedSequence) {
            this.expectedPrev = expectedPrev;
            this.expectedSequence = expectedSequence;
        }

        public static Verifier fromGenesis() {
            return new Verifier(GENESIS, 0);
        }

        /** For a stream read from {@code sequence} on (after a snapshot): its first prevHash is taken as given. */
        public static Verifier resumingAt(long sequence) {
            return sequence == 0 ? fromGenesis() : new Verifier(null, sequence);
        }

        public ChainVerdict.Link next(StoredEvent event) {
            String storedPrev = event.metaData().get(MetaDataKeys.PREV_HASH);
            String storedHash = event.metaData().get(MetaDataKeys.HASH);
            String prev = expectedPrev != null ? expectedPrev : storedPrev != null ? storedPrev : GENESIS;
            String recomputed;
            String payloadProblem = null;
            try {
                recomputed = link(prev, event);
            } catch (NotJsonException e) {
                recomputed = null;
                payloadProblem = "the stored payload is not JSON";
            }
            String problem = null;
            if (event.sequence() != expectedSequence) {
                problem = "sequence gap: expected " + expectedSequence + " but found " + event.sequence();
            } else if (storedPrev == null && storedHash == null) {
                problem = "the envelope has no prevHash and no hash: the stored metadata is missing or not JSON";
            } else if (!prev.equals(storedPrev)) {
                problem = "prevHash does not match the hash of the previous event";
            } else if (payloadProblem != null) {
                problem = payloadProblem;
            } else if (!recomputed.equals(storedHash)) {
                problem = "stored hash does not match the recomputed hash of the event's content";
            }
            // Continue from the stored hash so a single edited event is reported once, not as a cascade. Without
            // any chain envelope the recomputed hash covers lost metadata, so the next event's stored prevHash is
            // the better evidence of what this event's hash was.
            expectedPrev = storedHash != null ? storedHash : storedPrev != null ? recomputed : null;
            expectedSequence = event.sequence() + 1;
            return new ChainVerdict.Link(event.sequence(), event.eventId(), storedPrev, storedHash, recomputed,
                    problem == null, problem);
        }
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        string(out, name).append(':');
        if (value == null) {
            return out.append("null");
        }
        return string(out, value);
    }

    private static StringBuilder string(StringBuilder out, String value) {
        try {
            return out.append(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey()).append(':');
                canonical(out, e.getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(out, node.get(i));
            }
            out.append(']');
        } else {
            try {
                out.append(JSON.writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
