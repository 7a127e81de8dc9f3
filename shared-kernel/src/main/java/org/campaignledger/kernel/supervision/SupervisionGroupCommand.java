package org.campaignledger.kernel.supervision;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;

/** Commands of the {@code SupervisionGroup} aggregate (DOMAIN §4.4). */
public sealed interface SupervisionGroupCommand extends LedgerCommand {

    /** At least two members, the leader among them (DOMAIN §4.4, [ASM]); {@code date} starts their membership. */
    record FormSupervisionGroup(@TargetAggregateIdentifier SgId sgId, SgKind kind, UnitId dispatchingUnitId,
                                String label, PersonId leaderPersonId, List<SgMember> members, LocalDate date)
            implements SupervisionGroupCommand, CreationCommand {
        public FormSupervisionGroup {
            InvalidCommandException.required(sgId, "sgId");
            InvalidCommandException.required(kind, "kind");
            InvalidCommandException.required(dispatchingUnitId, "dispatchingUnitId");
            InvalidCommandException.requiredText(label, "label", 200);
            InvalidCommandException.required(leaderPersonId, "leaderPersonId");
            InvalidCommandException.required(date, "date");
            members = members == null ? List.of() : List.copyOf(members);
            if (members.stream().map(SgMember::personId).distinct().count() != members.size()) {
                throw new InvalidCommandException("members", "must not name a person twice");
            }
            if (members.size() < 2) {
                throw new InvalidCommandException("members", "must name at least two members");
            }
            if (members.stream().noneMatch(m -> m.personId().equals(leaderPersonId))) {
                throw new InvalidCommandException("members", "must include the leader");
            }
        }
    }

    record AddSgMember(@TargetAggregateIdentifier SgId sgId, PersonId personId, UnitId sourceUnitId, LocalDate date)
            implements SupervisionGroupCommand {
        public AddSgMember {
            InvalidCommandException.required(sgId, "sgId");
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.required(sourceUnitId, "sourceUnitId");
            InvalidCommandException.required(date, "date");
        }
    }

    /** {@code date} is the last day of membership. */
    record RemoveSgMember(@TargetAggregateIdentifier SgId sgId, PersonId personId, String reason, LocalDate date)
            implements SupervisionGroupCommand {
        public RemoveSgMember {
            InvalidCommandException.required(sgId, "sgId");
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.requiredText(reason, "reason", 2000);
            InvalidCommandException.required(date, "date");
        }
    }

    record AssignUnit(@TargetAggregateIdentifier SgId sgId, UnitId unitId, LocalDate from)
            implements SupervisionGroupCommand {
        public AssignUnit {
            InvalidCommandException.required(sgId, "sgId");
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(from, "from");
        }
    }

    /** {@code to} is the last day of the assignment. */
    record UnassignUnit(@TargetAggregateIdentifier SgId sgId, UnitId unitId, LocalDate to, String reason)
            implements SupervisionGroupCommand {
        public UnassignUnit {
            InvalidCommandException.required(sgId, "sgId");
            InvalidCommandException.required(unitId, "unitId");
            InvalidCommandException.required(to, "to");
            InvalidCommandException.requiredText(reason, "reason", 2000);
        }
    }

    record DisbandSupervisionGroup(@TargetAggregateIdentifier SgId sgId, LocalDate date)
            implements SupervisionGroupCommand {
        public DisbandSupervisionGroup {
            InvalidCommandException.required(sgId, "sgId");
            InvalidCommandException.required(date, "date");
        }
    }
}
