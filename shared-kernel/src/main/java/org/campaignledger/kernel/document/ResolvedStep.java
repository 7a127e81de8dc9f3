package org.campaignledger.kernel.document;

import java.util.List;
import org.campaignledger.kernel.document.DocumentEnums.ReviewerSelector;
import org.campaignledger.kernel.document.DocumentEnums.StepVerb;
import org.campaignledger.kernel.id.PersonId;

/**
 * One step of a submitted document's chain, with the persons who satisfied its selector on the submission date
 * (DOMAIN-ERRATA I4), so a replay never re-reads the directories.
 */
public record ResolvedStep(int stepNo, String code, StepVerb verb, ReviewerSelector reviewerSelector,
                           List<PersonId> eligibleReviewerIds) {
    public ResolvedStep {
        eligibleReviewerIds = List.copyOf(eligibleReviewerIds);
    }
}
