package org.campaignledger.command.supervision.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;

/** Assignments of other groups, for fixture tests of R-SG-02. */
final class InMemorySupervision implements SupervisionDirectory {
    private record Period(Assignment assignment, LocalDate to) {
        boolean covers(LocalDate on) {
            return !on.isBefore(assignment.from()) && (to == null || !on.isAfter(to));
        }
    }

    private final List<Period> periods = new ArrayList<>();

    InMemorySupervision assigned(Assignment assignment, LocalDate to) {
        periods.add(new Period(assignment, to));
        return this;
    }

    @Override
    public List<Assignment> groupsAssignedTo(UnitId unitId, LocalDate on) {
        return periods.stream().filter(p -> p.assignment().unitId().equals(unitId) && p.covers(on))
                .map(Period::assignment).toList();
    }

    @Override
    public List<Assignment> groupsAssignedOnOrAfter(UnitId unitId, LocalDate from) {
        return periods.stream().filter(p -> p.assignment().unitId().equals(unitId)
                && (p.to() == null || !p.to().isBefore(from))).map(Period::assignment).toList();
    }

    @Override
    public boolean isMember(SgId sgId, PersonId personId, LocalDate on) {
        return false;
    }

    @Override
    public List<PersonId> membersOf(SgId sgId, LocalDate on) {
        return List.of();
    }
}
