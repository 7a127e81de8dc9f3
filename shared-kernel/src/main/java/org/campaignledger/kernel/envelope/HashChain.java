package org.campaignledger.kernel.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private HashChain() {
    }

    public static byte[] canonicalBytes(StoredEvent event) {
        Map<String, String> meta = new TreeMap<>(event.metaData());
        meta.remove(MetaDataKeys.HASH);
        meta.remove(MetaDataKeys.PREV_HASH);
        JsonNode payload;
        try {
            payload = JSON.readTree(event.payloadJson());
        } catch (IOException e) {
            throw new IllegalArgumentException("payload of " + event.eventId() + " is not JSON", e);
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
        String expectedPrev = GENESIS;
        List<ChainVerdict.Link> links = new ArrayList<>(stream.size());
        ChainVerdict.Link firstBroken = null;
        long expectedSequence = 0;
        for (StoredEvent event : stream) {
            String storedPrev = event.metaData().get(MetaDataKeys.PREV_HASH);
            String storedHash = event.metaData().get(MetaDataKeys.HASH);
            String recomputed = link(expectedPrev, event);
            String problem = null;
            if (event.sequence() != expectedSequence) {
                problem = "sequence gap: expected " + expectedSequence + " but found " + event.sequence();
            } else if (!expectedPrev.equals(storedPrev)) {
                problem = "prevHash does not match the hash of the previous event";
            } else if (!recomputed.equals(storedHash)) {
                problem = "stored hash does not match the recomputed hash of the event's content";
            }
            ChainVerdict.Link link = new ChainVerdict.Link(event.sequence(), event.eventId(), storedPrev, storedHash,
                    recomputed, problem == null, problem);
            links.add(link);
            if (problem != null && firstBroken == null) {
                firstBroken = link;
            }
            // Continue from the stored hash so a single edited event is reported once, not as a cascade.
            expectedPrev = storedHash == null ? recomputed : storedHash;
            expectedSequence = event.sequence() + 1;
        }
        return new ChainVerdict(firstBroken == null, firstBroken == null ? null : firstBroken.sequence(),
                firstBroken == null ? null : firstBroken.problem(), stream.size(), links);
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
