package org.campaignledger.command.evaluation.domain;

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
import org.campaignledger.command.rollout.domain.PolicyExceptions;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;

/** In-memory stand-ins for the ports a public evaluation looks up, for fixture tests. */
final class EvaluationFakes implements EvaluationAttempts, ParticipationDirectory, RosterDirectory, OfficeApprovers,
        PolicyExceptions {
    final Map<String, Attempt> attempts = new HashMap<>();
    final Set<ParticipationId> participations = new HashSet<>();
    final Map<UnitId, PersonId> mainLeaders = new HashMap<>();
    final Map<RolloutId, Set<PersonId>> approvers = new HashMap<>();
    final Map<ExceptionId, Granted> exceptions = new HashMap<>();

    @Override
    public Optional<Attempt> latest(ParticipationId participationId, EvaluationType type) {
        return Optional.ofNullable(attempts.get(participationId.value() + ":" + type));
    }

    @Override
    public Optional<ParticipationFacts> find(CampaignId campaignId, UnitId unitId) {
        return participations.stream().filter(p -> p.campaignId().equals(campaignId) && p.unitId().equals(unitId))
                .findFirst().map(p -> new ParticipationFacts(p, 2, Map.of()));
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
    public Set<PersonId> approversOf(RolloutId rolloutId) {
        return approvers.getOrDefault(rolloutId, Set.of());
    }

    @Override
    public Optional<Granted> find(ExceptionId exceptionId) {
        return Optional.ofNullable(exceptions.get(exceptionId));
    }
}
