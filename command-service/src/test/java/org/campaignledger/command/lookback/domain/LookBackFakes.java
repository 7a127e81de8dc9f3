package org.campaignledger.command.lookback.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/** The ports a look-back reads, with assignments and memberships valid on every date. */
final class LookBackFakes implements SupervisionDirectory, OfficeApprovers, StagePlans, ParticipationDirectory {
    private final Map<UnitId, SgId> assignments = new HashMap<>();
    private final Map<SgId, Set<PersonId>> members = new HashMap<>();
    private final Map<RolloutId, Set<PersonId>> approvers = new HashMap<>();
    private final Map<ParticipationId, StagePlan> stages = new HashMap<>();
    private final Set<ParticipationId> participations = new HashSet<>();

    LookBackFakes assign(String unitId, String sgId, String... memberIds) {
        assignments.put(UnitId.of(unitId), SgId.of(sgId));
        members.put(SgId.of(sgId), new HashSet<>(List.of(memberIds).stream().map(PersonId::of).toList()));
        return this;
    }

    LookBackFakes unassign(String unitId) {
        assignments.remove(UnitId.of(unitId));
        return this;
    }

    LookBackFakes approver(String rolloutId, String personId) {
        approvers.computeIfAbsent(RolloutId.of(rolloutId), r -> new HashSet<>()).add(PersonId.of(personId));
        return this;
    }

    LookBackFakes participation(ParticipationId participationId) {
        participations.add(participationId);
        return this;
    }

    LookBackFakes inStage(ParticipationId participationId, int stage, LocalDate plannedTo) {
        stages.put(participationId, new StagePlan(stage, plannedTo));
        return this;
    }

    @Override
    public List<Assignment> groupsAssignedTo(UnitId unitId, LocalDate on) {
        SgId sgId = assignments.get(unitId);
        return sgId == null ? List.of()
                : List.of(new Assignment(sgId, SgKind.SUPERVISION, UnitId.of("county"), Level.COUNTY, unitId, on));
    }

    @Override
    public List<Assignment> groupsAssignedOnOrAfter(UnitId unitId, LocalDate from) {
        return groupsAssignedTo(unitId, from);
    }

    @Override
    public boolean isMember(SgId sgId, PersonId personId, LocalDate on) {
        return members.getOrDefault(sgId, Set.of()).contains(personId);
    }

    @Override
    public List<PersonId> membersOf(SgId sgId, LocalDate on) {
        return List.copyOf(members.getOrDefault(sgId, Set.of()));
    }

    @Override
    public Set<PersonId> approversOf(RolloutId rolloutId) {
        return approvers.getOrDefault(rolloutId, Set.of());
    }

    @Override
    public Optional<StagePlan> currentStage(ParticipationId participationId) {
        return Optional.ofNullable(stages.get(participationId));
    }

    @Override
    public Optional<ParticipationFacts> find(CampaignId campaignId, UnitId unitId) {
        return participations.stream().filter(p -> p.campaignId().equals(campaignId) && p.unitId().equals(unitId))
                .findFirst().map(p -> new ParticipationFacts(p, 2, Map.of()));
    }
}
