package org.campaignledger.command.pipeline;

import java.util.List;
import java.util.Map;
import org.campaignledger.kernel.envelope.MetaDataKeys;

/** The authenticated principal behind a command: never taken from the payload (DOMAIN §3.7). */
public record Actor(String personId, List<String> roles, String channel) {

    /** The same person and channel, acting under the roles the authorisation check resolved. */
    Actor withRoles(List<String> resolved) {
        return new Actor(personId, resolved, channel);
    }

    public Map<String, String> asMetaData() {
        return Map.of(MetaDataKeys.ACTOR_ID, personId,
                MetaDataKeys.ACTOR_ROLES, String.join(",", roles),
                MetaDataKeys.ACTOR_CHANNEL, channel);
    }
}
