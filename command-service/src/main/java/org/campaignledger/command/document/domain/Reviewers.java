package org.campaignledger.command.document.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.command.rollout.domain.OfficeApprovers;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.kernel.document.DocumentEnums.ReviewerSelector;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;

/**
 * Resolves a step's selector to persons as of a business date (R-REV-02). The same resolution fixes the eligible
 * reviewers at submission and checks the actor when they act, so the two can never disagree on what a selector
 * means.
 */
final class Reviewers {
    private final UnitDirectory units;
    private final RosterDirectory rosters;
    private final SupervisionDirectory supervision;
    private final OfficeApprovers offices;

    Reviewers(UnitDirectory units, RosterDirectory rosters, SupervisionDirectory supervision,
              OfficeApprovers offices) {
        this.units = units;
        this.rosters = rosters;
        this.supervision = supervision;
        this.offices = offices;
    }

    /** The unit a document is about, within its campaign batch, and who drafted it. */
    record Scope(CampaignId campaignId, int batchNo, UnitId unitId, PersonId drafterPersonId) {
    }

    List<PersonId> eligible(ReviewerSelector selector, Scope scope, LocalDate on) {
        return switch (selector) {
            case SG_OF_UNIT -> supervision.supervisingGroupOf(scope.unitId(), on)
                    .map(assignment -> supervision.membersOf(assignment.sgId(), on)).orElse(List.of());
            case OFFICE_OF_JURISDICTION -> units.find(scope.unitId()).map(UnitFacts::jurisdictionUnitId)
                    .map(jurisdiction -> offices.approversOf(RolloutId.of(scope.campaignId(), scope.batchNo(),
                            jurisdiction)))
                    .map(approvers -> approvers.stream().sorted(Comparator.comparing(PersonId::value)).toList())
                    .orElse(List.of());
            case UNIT_MAIN_LEADER -> rosters.mainLeaderAsOf(scope.unitId(), on).map(List::of).orElse(List.of());
            case UNIT_FILER -> {
                Set<PersonId> filers = new LinkedHashSet<>();
                rosters.mainLeaderAsOf(scope.unitId(), on).ifPresent(filers::add);
                filers.add(scope.drafterPersonId());
                yield List.copyOf(filers);
            }
        };
    }
}
