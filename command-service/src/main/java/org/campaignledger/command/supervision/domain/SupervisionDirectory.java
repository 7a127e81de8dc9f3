package org.campaignledger.command.supervision.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.supervision.SgKind;

/**
 * Supervision groups as of a business date, for handlers of other aggregates (DOMAIN-ERRATA I4): which groups
 * supervise a unit, and who belongs to a group. Dates are inclusive at both ends.
 */
public interface SupervisionDirectory {

    /** Every group, circuit groups included, assigned to the unit on that date. */
    List<Assignment> groupsAssignedTo(UnitId unitId, LocalDate on);

    /** Every assignment of the unit that has not ended before {@code from}, including those that start later. */
    List<Assignment> groupsAssignedOnOrAfter(UnitId unitId, LocalDate from);

    boolean isMember(SgId sgId, PersonId personId, LocalDate on);

    List<PersonId> membersOf(SgId sgId, LocalDate on);

    /** The unit's one non-circuit supervision or guidance group (R-SG-02), if assigned. */
    default Optional<Assignment> supervisingGroupOf(UnitId unitId, LocalDate on) {
        return groupsAssignedTo(unitId, on).stream().filter(a -> !a.kind().isCircuit()).findFirst();
    }

    record Assignment(SgId sgId, SgKind kind, UnitId dispatchingUnitId, Level dispatchingLevel, UnitId unitId,
                      LocalDate from) {
    }
}
