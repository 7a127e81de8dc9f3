package org.campaignledger.kernel.person;

import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Events of the {@code Person} aggregate (DOMAIN §4.1). */
public sealed interface PersonEvent extends LedgerEvent {
    PersonId personId();

    /** Name and contact stay in the vault: the event carries only their token and SHA-256 (DOMAIN §3.6). */
    @Revision("1")
    record PersonRegistered(PersonId personId, String piiRef, String piiSha256, boolean partyMember,
                            UnitId homeBranchUnitId, CadreRank cadreRank) implements PersonEvent {
        @Override
        public String concernsUnitId() {
            return homeBranchUnitId == null ? null : homeBranchUnitId.value();
        }
    }

    /** The inflow branch is where the member now takes part (R-ORG-05); null branches end mobility. */
    @Revision("1")
    record MobileMemberStatusChanged(PersonId personId, UnitId outflowBranchUnitId, UnitId inflowBranchUnitId)
            implements PersonEvent {
        @Override
        public String concernsUnitId() {
            return inflowBranchUnitId == null ? null : inflowBranchUnitId.value();
        }
    }
}
