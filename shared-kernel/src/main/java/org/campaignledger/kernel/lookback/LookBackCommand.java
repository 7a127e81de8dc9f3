package org.campaignledger.kernel.lookback;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationCommand;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;

/** Commands of the {@code LookBackReview} aggregate (DOMAIN §4.14, DOMAIN-ERRATA B3 and I9). */
public sealed interface LookBackCommand extends LedgerCommand {

    /** The look-back reviews the unit's participation in campaign {@code campaignId}, batch {@code batchNo}. */
    record OpenLookBack(@TargetAggregateIdentifier LookBackId lookBackId, CampaignId campaignId, int batchNo,
                        UnitId unitId, int reviewedStage, ReviewWindow window)
            implements LookBackCommand, CreationCommand {
        public OpenLookBack {
            InvalidCommandException.required(lookBackId, "lookBackId");
            InvalidCommandException.required(campaignId, "campaignId");
            InvalidCommandException.required(unitId, "unitId");
            if (batchNo < 1) {
                throw new InvalidCommandException("batchNo", "must be 1 or more");
            }
            ParticipationCommand.requireStage(reviewedStage);
            InvalidCommandException.required(window, "window");
        }
    }

    /** Recording an item again replaces its earlier finding. */
    record RecordLookBackFinding(@TargetAggregateIdentifier LookBackId lookBackId, CheckItem checkItem,
                                 FindingResult result, String notes, List<String> evidenceRefs)
            implements LookBackCommand {
        public RecordLookBackFinding {
            InvalidCommandException.required(lookBackId, "lookBackId");
            InvalidCommandException.required(checkItem, "checkItem");
            InvalidCommandException.required(result, "result");
            if (notes != null && notes.length() > 20_000) {
                throw new InvalidCommandException("notes", "must be at most 20000 characters");
            }
            evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
        }
    }

    record DecideLookBackOutcome(@TargetAggregateIdentifier LookBackId lookBackId, LookBackOutcome outcome,
                                 LocalDate deadline, LocalDate newStageEnd, List<MakeUpActivity> makeUpActivities,
                                 Set<GateFact> redoScope, List<CorrectiveAction> correctiveActions)
            implements LookBackCommand {
        public DecideLookBackOutcome {
            InvalidCommandException.required(lookBackId, "lookBackId");
            new OutcomeTerms(outcome, deadline, newStageEnd, makeUpActivities, redoScope, correctiveActions);
        }

        public OutcomeTerms terms() {
            return new OutcomeTerms(outcome, deadline, newStageEnd, makeUpActivities, redoScope, correctiveActions);
        }
    }

    /** Raising the outcome, by the SG alone; lowering it goes through a proposal and an office approval (I9). */
    record AmendLookBackOutcome(@TargetAggregateIdentifier LookBackId lookBackId, LookBackOutcome newOutcome,
                                String justification, LocalDate deadline, LocalDate newStageEnd,
                                List<MakeUpActivity> makeUpActivities, Set<GateFact> redoScope,
                                List<CorrectiveAction> correctiveActions) implements LookBackCommand {
        public AmendLookBackOutcome {
            InvalidCommandException.required(lookBackId, "lookBackId");
            InvalidCommandException.requiredText(justification, "justification", 4000);
            new OutcomeTerms(newOutcome, deadline, newStageEnd, makeUpActivities, redoScope, correctiveActions);
        }

        public OutcomeTerms terms() {
            return new OutcomeTerms(newOutcome, deadline, newStageEnd, makeUpActivities, redoScope, correctiveActions);
        }
    }

    /** A missing justification is R-LBK-05's to reject, so it is optional here. */
    record ProposeLookBackDowngrade(@TargetAggregateIdentifier LookBackId lookBackId, LookBackOutcome newOutcome,
                                    String justification, LocalDate deadline, LocalDate newStageEnd,
                                    List<MakeUpActivity> makeUpActivities, Set<GateFact> redoScope,
                                    List<CorrectiveAction> correctiveActions) implements LookBackCommand {
        public ProposeLookBackDowngrade {
            InvalidCommandException.required(lookBackId, "lookBackId");
            if (justification != null && justification.length() > 4000) {
                throw new InvalidCommandException("justification", "must be at most 4000 characters");
            }
            new OutcomeTerms(newOutcome, deadline, newStageEnd, makeUpActivities, redoScope, correctiveActions);
        }

        public OutcomeTerms terms() {
            return new OutcomeTerms(newOutcome, deadline, newStageEnd, makeUpActivities, redoScope, correctiveActions);
        }
    }

    record ApproveLookBackDowngrade(@TargetAggregateIdentifier LookBackId lookBackId, String proposalId)
            implements LookBackCommand {
        public ApproveLookBackDowngrade {
            InvalidCommandException.required(lookBackId, "lookBackId");
            InvalidCommandException.requiredText(proposalId, "proposalId", 100);
        }
    }

    record CompleteCorrectiveAction(@TargetAggregateIdentifier LookBackId lookBackId, String actionId,
                                    List<String> evidenceRefs) implements LookBackCommand {
        public CompleteCorrectiveAction {
            InvalidCommandException.required(lookBackId, "lookBackId");
            InvalidCommandException.requiredText(actionId, "actionId", 100);
            evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
        }
    }

    record CompleteMakeUpActivity(@TargetAggregateIdentifier LookBackId lookBackId, String activityId,
                                  List<String> evidenceRefs) implements LookBackCommand {
        public CompleteMakeUpActivity {
            InvalidCommandException.required(lookBackId, "lookBackId");
            InvalidCommandException.requiredText(activityId, "activityId", 100);
            evidenceRefs = evidenceRefs == null ? List.of() : List.copyOf(evidenceRefs);
        }
    }

    record ConcludeLookBack(@TargetAggregateIdentifier LookBackId lookBackId) implements LookBackCommand {
        public ConcludeLookBack {
            InvalidCommandException.required(lookBackId, "lookBackId");
        }
    }

    /** Sent by the look-back effects when the stage a REDO reopened is completed again (DOMAIN-ERRATA B3). */
    record RecordRedoCompleted(@TargetAggregateIdentifier LookBackId lookBackId, int stage, LocalDate completedOn)
            implements LookBackCommand {
        public RecordRedoCompleted {
            InvalidCommandException.required(lookBackId, "lookBackId");
            ParticipationCommand.requireStage(stage);
            InvalidCommandException.required(completedOn, "completedOn");
        }
    }
}
