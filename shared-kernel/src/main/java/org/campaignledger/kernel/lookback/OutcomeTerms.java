package org.campaignledger.kernel.lookback;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;

/**
 * An outcome with the parameters it acts through (DOMAIN §4.14, R-LBK-04). Whether the parameters an outcome
 * needs are present is a rule of the aggregate; here only their shape is checked.
 * {@code redoScope} names the participation's gate facts a REDO invalidates (R-UNP-23).
 */
public record OutcomeTerms(LookBackOutcome outcome, LocalDate deadline, LocalDate newStageEnd,
                           List<MakeUpActivity> makeUpActivities, Set<GateFact> redoScope,
                           List<CorrectiveAction> correctiveActions) {
    public OutcomeTerms {
        InvalidCommandException.required(outcome, "outcome");
        makeUpActivities = makeUpActivities == null ? List.of() : List.copyOf(makeUpActivities);
        redoScope = redoScope == null ? Set.of() : Set.copyOf(redoScope);
        correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
        requireDistinct(makeUpActivities.stream().map(MakeUpActivity::activityId).toList(),
                "makeUpActivities.activityId");
        requireDistinct(correctiveActions.stream().map(CorrectiveAction::actionId).toList(),
                "correctiveActions.actionId");
    }

    private static void requireDistinct(List<String> ids, String field) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidCommandException(field, "must be unique");
        }
    }
}
