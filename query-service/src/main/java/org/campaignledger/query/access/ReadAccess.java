package org.campaignledger.query.access;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.campaignledger.query.platform.ForbiddenException;
import org.campaignledger.query.platform.Paging;

/**
 * Applies the {@link ReadEndpoint} table for the current reader: a detail outside the reader's scope is a 403
 * problem, a list is filtered to the units in scope (a filter that names a unit out of scope is a 403 rather than
 * an empty page, so a reader can tell "nothing there" from "not yours"), and every document is redacted by
 * {@link DataClasses} for the roles that granted it.
 */
public class ReadAccess {
    private final Supplier<Reader> reader;

    public ReadAccess(Supplier<Reader> reader) {
        this.reader = reader;
    }

    /** The roles under which {@code reader} may read {@code endpoint} for these units; null units: anywhere. */
    public static Set<ReadRole> granting(ReadEndpoint endpoint, Reader reader, Collection<String> units) {
        Set<ReadRole> roles = EnumSet.noneOf(ReadRole.class);
        reader.platformRoles().stream().filter(endpoint.platformRoles()::contains).forEach(roles::add);
        Set<ReadRole> held = units == null ? reader.domainRoles() : reader.rolesIn(units);
        held.stream().filter(endpoint.unitRoles()::contains).forEach(roles::add);
        return roles;
    }

    /** Refuses a reader who may read {@code endpoint} nowhere at all. */
    public void requireAnywhere(ReadEndpoint endpoint) {
        allowed(endpoint, null);
    }

    /** Refuses a reader who may not read {@code endpoint} for this unit. */
    public void requireUnit(ReadEndpoint endpoint, String unitId) {
        allowed(endpoint, List.of(unitId));
    }

    /** Refuses a reader without a platform role of {@code endpoint} (questions about the whole platform). */
    public void requirePlatform(ReadEndpoint endpoint) {
        if (reader.get().platformRoles().stream().noneMatch(endpoint.platformRoles()::contains)) {
            throw forbidden(endpoint);
        }
    }

    /** One document: refused outside the reader's scope, redacted inside it. */
    public Document detail(ReadEndpoint endpoint, Document document) {
        Set<ReadRole> roles = allowed(endpoint, unitsOf(endpoint, document));
        roles.removeIf(role -> PlatformLimits.of(endpoint.readModel(), role)
                .map(limit -> !limit.holds().test(document)).orElse(false));
        if (roles.isEmpty()) {
            throw forbidden(endpoint);
        }
        return DataClasses.redact(endpoint.readModel(), document, reader.get().audienceOf(roles));
    }

    /** A document the caller already checked, redacted for the roles the reader holds for these units. */
    public <M extends Map<String, Object>> M redact(ReadEndpoint endpoint, M document, Collection<String> units) {
        Reader current = reader.get();
        return DataClasses.redact(endpoint.readModel(), document,
                current.audienceOf(granting(endpoint, current, units)));
    }

    /**
     * {@code filter} limited to the reader's scope. {@code namedUnits} are the units the request's own filters
     * name (null where absent); one out of scope refuses the request.
     */
    public Bson scope(ReadEndpoint endpoint, Bson filter, String... namedUnits) {
        Stream.of(namedUnits).filter(u -> u != null).forEach(u -> allowed(endpoint, List.of(u)));
        Reader current = reader.get();
        List<ReadRole> platform = current.platformRoles().stream().filter(endpoint.platformRoles()::contains)
                .toList();
        if (platform.stream().anyMatch(role -> PlatformLimits.of(endpoint.readModel(), role).isEmpty())) {
            return filter;
        }
        List<String> units = List.copyOf(current.unitsHolding(endpoint.unitRoles()));
        List<Bson> anyField = new ArrayList<>();
        endpoint.unitFields().forEach(field -> anyField.add(Filters.in(field, units)));
        platform.forEach(role -> anyField.add(PlatformLimits.of(endpoint.readModel(), role).orElseThrow().filter()));
        Bson inScope = anyField.size() == 1 ? anyField.get(0) : Filters.or(anyField);
        return filter == null || filter.toBsonDocument().isEmpty() ? inScope : Filters.and(filter, inScope);
    }

    /** Every document of a page redacted for the roles that granted it. */
    public Map<String, Object> page(ReadEndpoint endpoint, Map<String, Object> page) {
        Paging.items(page).forEach(item -> redact(endpoint, item, unitsOf(endpoint, item)));
        return page;
    }

    /** The units a document concerns, from the endpoint's unit fields; null when it concerns no unit. */
    static Collection<String> unitsOf(ReadEndpoint endpoint, Map<String, Object> document) {
        if (endpoint.unitFields().isEmpty()) {
            return null;
        }
        Set<String> units = new LinkedHashSet<>();
        for (String field : endpoint.unitFields()) {
            Object value = DataClasses.at(document, field);
            if (value instanceof String unit) {
                units.add(unit);
            } else if (value instanceof Collection<?> many) {
                many.stream().filter(String.class::isInstance).map(String.class::cast).forEach(units::add);
            }
        }
        return units;
    }

    private Set<ReadRole> allowed(ReadEndpoint endpoint, Collection<String> units) {
        Set<ReadRole> roles = granting(endpoint, reader.get(), units);
        if (roles.isEmpty()) {
            throw forbidden(endpoint);
        }
        return roles;
    }

    private static ForbiddenException forbidden(ReadEndpoint endpoint) {
        List<String> required = new ArrayList<>();
        endpoint.unitRoles().forEach(r -> required.add(r.name()));
        endpoint.platformRoles().forEach(r -> required.add(r.name()));
        return new ForbiddenException("the reader holds no role that may read this here", endpoint.name(), required);
    }
}
