package org.campaignledger.command.clock;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.campaignledger.command.TestDatabase;
import org.campaignledger.command.domain.Deadlines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The clock endpoints' answers and problems, without security (SecurityConfig guards the advance). */
class ClockControllerTest {

    private static MockMvc mvc(ClockMode mode, Clock clock, SimulatedDeadlineManager manager) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (manager != null) {
            beans.addBean("deadlineManager", manager);
        }
        return MockMvcBuilders.standaloneSetup(new ClockController(mode, clock,
                beans.getBeanProvider(SimulatedDeadlineManager.class))).build();
    }

    private static MockMvc simulated() {
        JdbcTemplate jdbc = TestDatabase.jdbc("simulated_clock", "simulated_deadline");
        SimulatedClock clock = new SimulatedClock(jdbc,
                OffsetDateTime.parse("2013-12-01T00:00:00+08:00").toInstant(), Deadlines.ZONE);
        SimulatedDeadlineManager manager = new SimulatedDeadlineManager(jdbc, clock, scope -> java.util.stream.Stream.empty(),
                JacksonSerializer.defaultSerializer(),
                new SpringTransactionManager(new DataSourceTransactionManager(TestDatabase.dataSource())));
        return mvc(ClockMode.SIMULATED, clock, manager);
    }

    @Test
    void the_simulated_clock_advances_and_says_where_it_stands() throws Exception {
        MockMvc mvc = simulated();
        mvc.perform(get("/api/clock")).andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("simulated"))
                .andExpect(jsonPath("$.now").value("2013-12-01T00:00:00+08:00"));
        mvc.perform(post("/api/clock/advance").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"2014-07-02T00:00:00+08:00\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.now").value("2014-07-02T00:00:00+08:00"))
                .andExpect(jsonPath("$.firedDeadlines").value(0));
    }

    @Test
    void moving_back_is_a_400_problem() throws Exception {
        MockMvc mvc = simulated();
        mvc.perform(post("/api/clock/advance").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"2013-11-30T00:00:00+08:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.ruleId").value("R-API-VALIDATION"))
                .andExpect(jsonPath("$.type").value("urn:campaign-ledger:rule:R-API-VALIDATION"))
                .andExpect(jsonPath("$.details.field").value("to"));
    }

    @Test
    void the_system_clock_cannot_be_advanced() throws Exception {
        MockMvc mvc = mvc(ClockMode.SYSTEM, Clock.system(Deadlines.ZONE), null);
        mvc.perform(get("/api/clock")).andExpect(status().isOk()).andExpect(jsonPath("$.mode").value("system"));
        mvc.perform(post("/api/clock/advance").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + Instant.now().plusSeconds(60) + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.ruleId").value("R-API-STATE"))
                .andExpect(jsonPath("$.status").value(409));
    }
}
