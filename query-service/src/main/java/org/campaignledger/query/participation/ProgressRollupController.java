package org.campaignledger.query.participation;

import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.bson.conversions.Bson;
import org.campaignledger.query.access.ReadAccess;
import org.campaignledger.query.access.ReadEndpoint;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Roll-ups of unit progress (DOMAIN §5.3) computed on request, and their daily snapshots for trend charts. */
@RestController
@RequestMapping("/api/progress")
class ProgressRollupController {
    private final ProgressRollup rollup;
    private final ProgressDailySnapshots snapshots;
    private final Clock clock;
    private final ReadAccess access;

    ProgressRollupController(ProgressRollup rollup, ProgressDailySnapshots snapshots, Clock businessClock,
                             ReadAccess access) {
        this.rollup = rollup;
        this.snapshots = snapshots;
        this.clock = businessClock;
        this.access = access;
    }

    @Operation(summary = "Progress roll-up of a campaign, optionally of one jurisdiction or below one unit, grouped "
            + "by UNIT_TYPE, LEVEL, TIER, MEETING_TYPE or NODE (the direct children of ancestorId): units per state, "
            + "per stage on/behind schedule, satisfaction, look-back outcomes")
    @GetMapping("/rollup")
    Map<String, Object> rollup(@RequestParam String campaignId,
                               @RequestParam(required = false) String jurisdictionId,
                               @RequestParam(required = false) String ancestorId,
                               @RequestParam(defaultValue = "UNIT_TYPE") String groupBy) {
        if (jurisdictionId == null && ancestorId == null) {
            access.requirePlatform(ReadEndpoint.PROGRESS_ROLLUP);
        }
        Stream.of(jurisdictionId, ancestorId).filter(Objects::nonNull)
                .forEach(unit -> access.requireUnit(ReadEndpoint.PROGRESS_ROLLUP, unit));
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("campaignId", campaignId)));
        if (jurisdictionId != null) {
            filters.add(Filters.eq("jurisdictionId", jurisdictionId));
        }
        if (ancestorId != null) {
            filters.add(Filters.eq("ancestorIds", ancestorId));
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", campaignId);
        body.put("jurisdictionId", jurisdictionId);
        body.put("ancestorId", ancestorId);
        body.put("groupBy", groupBy);
        body.put("asOf", today.toString());
        body.putAll(rollup.rollup(Filters.and(filters), groupBy,
                ancestorId != null ? ancestorId : jurisdictionId, today));
        return body;
    }

    @Operation(summary = "Takes (or retakes) the day's snapshots of a jurisdiction's roll-ups, one per grouping "
            + "(all of NODE, UNIT_TYPE, LEVEL, TIER unless groupBy names one); idempotent per day")
    @PostMapping("/daily/snapshot")
    Map<String, Object> snapshot(@RequestParam String campaignId, @RequestParam String jurisdictionId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate day,
                                 @RequestParam(required = false) String groupBy) {
        access.requireUnit(ReadEndpoint.PROGRESS_SNAPSHOT, jurisdictionId);
        List<String> groupings = groupBy == null ? ProgressDailySnapshots.GROUPINGS : List.of(groupBy);
        groupings.forEach(ProgressRollup::field);
        LocalDate asOf = day == null ? LocalDate.now(clock) : day;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshotIds", snapshots.snapshot(campaignId, jurisdictionId, asOf, groupings));
        return body;
    }

    @Operation(summary = "The daily snapshots of a jurisdiction's roll-up, oldest first, for trend charts")
    @GetMapping("/daily")
    Map<String, Object> daily(@RequestParam String campaignId, @RequestParam String jurisdictionId,
                              @RequestParam(defaultValue = "UNIT_TYPE") String groupBy,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        access.requireUnit(ReadEndpoint.PROGRESS_DAILY, jurisdictionId);
        ProgressRollup.field(groupBy);
        return snapshots.series(campaignId, jurisdictionId, groupBy, from, to, page, size);
    }
}
