package org.campaignledger.command.rollout.domain;

import java.util.Set;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;

/**
 * The approvers of a rollout's campaign office, for handlers of other aggregates that need an office approval
 * (review steps, look-back downgrades). A participation finds its rollout with
 * {@link RolloutId#of(org.campaignledger.kernel.id.CampaignId, int, org.campaignledger.kernel.id.UnitId)}.
 */
public interface OfficeApprovers {
    Set<PersonId> approversOf(RolloutId rolloutId);

    default boolean isApprover(RolloutId rolloutId, PersonId personId) {
        return approversOf(rolloutId).contains(personId);
    }
}
