package org.campaignledger.command.document.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.RosterEntry;
import org.campaignledger.command.participation.domain.ParticipationDirectory;
import org.campaignledger.command.rollout.domain.OfficeApprovers;
import org.campaignledger.command.supervision.domain.SupervisionDirectory;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.kernel.supervision.SgKind;

/**
 * Who can review a document in fixture tests: one SG per unit with its members, office approvers per rollout,
 * main leaders, and participations. Dates are ignored except the SG assignment's start.
 */
final class InMemoryReviewers implements SupervisionDirectory, OfficeApprovers, RosterDirectory,
        ParticipationDirectory {
    private final Map<UnitId, Assignment> assignments = new HashMap<>();
    private final Map<SgId, List<PersonId>> members = new HashMap<>();
    private final Map<RolloutId, Set<PersonId>> approvers = new HashMap<>();
    private final Map<UnitId, PersonId> mainLeaders = new HashMap<>();
    private final Set<ParticipationId> participations = new HashSet<>();

    InMemoryReviewers sg(String sgId, String unitId, LocalDate from, String... memberIds) {
        assignments.put(UnitId.of(unitId), new Assignment(SgId.of(sgId), SgKind.SUPERVISION, UnitId.of("county"),
                Level.COUNTY, UnitId.of(unitId), from));
        members.put(SgId.of(sgId), java.util.Arrays.stream(memberIds).map(PersonId::of).toList());
        return this;
    }

    InMemoryReviewers office(String rolloutId, String... approverIds) {
        approvers.put(RolloutId.of(rolloutId), Set.of(java.util.Arrays.stream(approverIds).map(PersonId::of)
                .toArray(PersonId[]::new)));
        return this;
    }

    InMemoryReviewers mainLeader(String unitId, String personId) {
        mainLeaders.put(UnitId.of(unitId), PersonId.of(personId));
        return this;
    }

    InMemoryReviewers participation(String participationId) {
        participations.add(ParticipationId.of(participationId));
        return this;
    }

    @Override
    public List<Assignment> groupsAssignedTo(UnitId unitId, LocalDate on) {
        Assignment assignment = assignments.get(unitId);
        return assignment == null || on.isBefore(assignment.from()) ? List.of() : List.of(assignment);
    }

    @Override
    public List<Assignment> groupsAssignedOnOrAfter(UnitId unitId, LocalDate from) {
        return Optional.ofNullable(assignments.get(unitId)).map(List::of).orElse(List.of());
    }

    @Override
    public boolean isMember(SgId sgId, PersonId personId, LocalDate on) {
        return membersOf(sgId, on).contains(personId);
    }

    @Override
    public List<PersonId> membersOf(SgId sgId, LocalDate on) {
        return members.getOrDefault(sgId, List.of());
    }

    @Override
    public Set<PersonId> approversOf(RolloutId rolloutId) {
        return approvers.getOrDefault(rolloutId, Set.of());
    }

    @Override
    public List<RosterEntry> rosterAsOf(UnitId unitId, LocalDate date) {
        return List.of();
    }

    @Override
    public Optional<PersonId> mainLeaderAsOf(UnitId unitId, LocalDate date) {
        return Optional.ofNullable(mainLeaders.get(unitId));
    }

    @Override
    public boolean isOnRoster(UnitId unitId, PersonId personId, LocalDate date) {
        return personId.equals(mainLeaders.get(unitId));
    }

    @Override
    public Optional<ParticipationFacts> find(CampaignId campaignId, UnitId unitId) {
        return participations.stream().filter(p -> p.campaignId().equals(campaignId) && p.unitId().equals(unitId))
                .findFirst().map(p -> new ParticipationFacts(p, 1, Map.of()));
    }
}
