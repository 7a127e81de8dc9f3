package org.campaignledger.kernel.person;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Events of the {@code Person} aggregate (DOMAIN §4.1). */
public sealed interface PersonEvent extends LedgerEvent {
    PersonId personId();

    /**
     * Name and contact stay in the vault: the event carries their token and a keyed digest, {@code piiHmac} =
     * HMAC-SHA-256 under the vault subject's own key (DOMAIN-ERRATA I12), which nobody can recompute once the
     * subject is shredded. Revision 1 events carry a plain {@code piiSha256} instead and keep it: events are never
     * rewritten (docs/adr/0011-crypto-shredding.md).
     */
    @Revision("2")
    record PersonRegistered(PersonId personId, String piiRef, String piiSha256, String piiHmac, boolean partyMember,
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

    /**
     * The vault keys of {@code subjects} were destroyed: their content is unreadable from now on, and every event
     * stays as it was, so every hash chain still verifies. Carries subject names and a reason code, no personal
     * data.
     */
    @Revision("1")
    record PersonalDataShredded(PersonId personId, List<String> subjects, ShreddingReason reason)
            implements PersonEvent {
    }
}
