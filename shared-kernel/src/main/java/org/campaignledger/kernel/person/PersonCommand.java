package org.campaignledger.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignledger.kernel.command.CreationCommand;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.command.LedgerCommand;
import java.util.List;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;

/** Commands of the {@code Person} aggregate (DOMAIN §4.1). */
public sealed interface PersonCommand extends LedgerCommand {

    /**
     * {@code name} and {@code contact} go to the vault, never into an event (DOMAIN §3.6). A party member
     * names the branch that holds their membership.
     */
    record RegisterPerson(@TargetAggregateIdentifier PersonId personId, String name, String contact,
                          boolean partyMember, UnitId homeBranchUnitId, CadreRank cadreRank)
            implements PersonCommand, CreationCommand {
        public RegisterPerson {
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.requiredText(name, "name", 200);
            contact = contact == null ? "" : contact;
            if (partyMember) {
                InvalidCommandException.required(homeBranchUnitId, "homeBranchUnitId");
            }
            cadreRank = cadreRank == null ? CadreRank.NONE : cadreRank;
        }
    }

    /** Both branches set: the member is mobile (R-ORG-05). Both absent: the member is no longer mobile. */
    record UpdateMobileStatus(@TargetAggregateIdentifier PersonId personId, UnitId outflowBranchUnitId,
                              UnitId inflowBranchUnitId) implements PersonCommand {
        public UpdateMobileStatus {
            InvalidCommandException.required(personId, "personId");
            if ((outflowBranchUnitId == null) != (inflowBranchUnitId == null)) {
                throw new InvalidCommandException(outflowBranchUnitId == null ? "outflowBranchUnitId"
                        : "inflowBranchUnitId", "is required when the other branch is given");
            }
        }
    }

    /**
     * Crypto-shredding (DOMAIN §3.6, DOMAIN-ERRATA I12): destroys the vault keys of the person's identity and of
     * the submitter identities of the opinions the person submitted. The vault does not know who submitted an
     * opinion, so the PII officer, who can read it, names them.
     */
    record ShredPersonalData(@TargetAggregateIdentifier PersonId personId, ShreddingReason reason,
                             List<OpinionId> submittedOpinionIds) implements PersonCommand {
        public ShredPersonalData {
            InvalidCommandException.required(personId, "personId");
            InvalidCommandException.required(reason, "reason");
            submittedOpinionIds = submittedOpinionIds == null ? List.of() : List.copyOf(submittedOpinionIds);
        }
    }
}
