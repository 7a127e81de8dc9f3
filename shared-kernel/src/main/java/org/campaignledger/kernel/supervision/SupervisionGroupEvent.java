package org.campaignledger.kernel.supervision;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;

/** Events of the {@code SupervisionGroup} aggregate (DOMAIN §4.4). */
public sealed interface SupervisionGroupEvent extends LedgerEvent {
    SgId sgId();

    @Revision("1")
    record SupervisionGroupFormed(SgId sgId, SgKind kind, UnitId dispatchingUnitId, Level dispatchingLevel,
                                  String label, PersonId leaderPersonId, List<SgMember> members, LocalDate date)
            implements SupervisionGroupEvent {
    }

    @Revision("1")
    record SupervisionGroupMemberAdded(SgId sgId, PersonId personId, UnitId sourceUnitId, LocalDate date)
            implements SupervisionGroupEvent {
    }

    @Revision("1")
    record SupervisionGroupMemberRemoved(SgId sgId, PersonId personId, String reason, LocalDate date)
            implements SupervisionGroupEvent {
    }

    @Revision("1")
    record UnitAssignedToSupervisionGroup(SgId sgId, UnitId unitId, LocalDate from) implements SupervisionGroupEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }
    }

    @Revision("1")
    record UnitUnassignedFromSupervisionGroup(SgId sgId, UnitId unitId, LocalDate to, String reason)
            implements SupervisionGroupEvent {
        @Override
        public String concernsUnitId() {
            return unitId.value();
        }
    }

    @Revision("1")
    record SupervisionGroupDisbanded(SgId sgId, LocalDate date) implements SupervisionGroupEvent {
    }
}
