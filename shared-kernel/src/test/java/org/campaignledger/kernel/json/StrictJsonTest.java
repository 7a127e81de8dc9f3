package org.campaignledger.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitCommand.RegisterUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.FlagUnit;
import org.campaignledger.kernel.participation.ParticipationCommand.FormUnitLeadingGroup;
import org.campaignledger.kernel.participation.ParticipationCommand.StartStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the strict reader refuses that the lenient one lets through, and that it still reads well-formed input. */
class StrictJsonTest {
    private static final ObjectMapper LENIENT = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper STRICT = StrictJson.copyOf(LENIENT);
    private static final String UNIT = """
            {"unitId":"kl-t1","code":"T1","name":"Town One","level":"TOWNSHIP","unitType":"TOWNSHIP_STREET",
             "partyOrgKind":"COMMITTEE"%s}""";

    private static String unit(String replace, String with) {
        return UNIT.formatted("").replace(replace, with);
    }

    @Test
    void well_formed_input_reads_the_same_as_before() throws Exception {
        String body = UNIT.formatted(",\"parentUnitId\":\"kl\",\"flags\":{\"weakAndLax\":true}");
        assertThat(STRICT.readValue(body, RegisterUnit.class)).isEqualTo(LENIENT.readValue(body, RegisterUnit.class));
        String group = """
                {"participationId":"mlc-2014:2:kl-t1","headPersonId":"p1","officeHeadPersonId":"p2",
                 "memberIds":["p3"],"date":"2014-03-01"}""";
        assertThat(STRICT.readValue(group, FormUnitLeadingGroup.class).date()).isEqualTo(LocalDate.of(2014, 3, 1));
    }

    @Test
    void the_lenient_mapper_coerces_what_the_strict_one_refuses() throws Exception {
        assertThat(LENIENT.readValue(unit("\"TOWNSHIP\"", "5"), RegisterUnit.class).level())
                .isEqualTo(Level.values()[5]);
        assertThatThrownBy(() -> STRICT.readValue(unit("\"TOWNSHIP\"", "5"), RegisterUnit.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getFieldName())
                        .isEqualTo("level"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "{}", "[]", "[\"kl-t1\"]", "5", "5.5", "true"})
    void an_identifier_is_a_json_string_only(String value) {
        assertThatThrownBy(() -> STRICT.readValue(unit("\"kl-t1\"", value), RegisterUnit.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5.0", "true", "{\"a\":1}", "[\"x\"]"})
    void text_is_a_json_string_only(String value) {
        assertThatThrownBy(() -> STRICT.readValue(unit("\"Town One\"", value), RegisterUnit.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "1.5", "1.0", "true", "null", "{}"})
    void an_integer_is_a_json_integer_only(String value) {
        String stage = "{\"participationId\":\"mlc-2014:2:kl-t1\",\"stage\":%s,\"date\":\"2014-03-18\"}";
        assertThatThrownBy(() -> STRICT.readValue(stage.formatted(value), StartStage.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "null"})
    void a_boolean_is_true_or_false_only(String value) {
        String flag = "{\"unitId\":\"kl-t1\",\"flag\":\"%s\",\"value\":%s,\"reason\":\"r\"}";
        String firstFlag = org.campaignledger.kernel.organisation.UnitFlag.values()[0].name();
        assertThatThrownBy(() -> STRICT.readValue(flag.formatted(firstFlag, value), FlagUnit.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20140301", "\"\"", "\"2014-03-01T10:00:00\"", "[2014,3,1]", "{}"})
    void a_date_is_an_iso_string_only(String value) {
        String group = """
                {"participationId":"mlc-2014:2:kl-t1","headPersonId":"p1","officeHeadPersonId":"p2","date":%s}""";
        assertThatThrownBy(() -> STRICT.readValue(group.formatted(value), FormUnitLeadingGroup.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    @Test
    void unknown_fields_repeated_keys_and_trailing_documents_are_refused() {
        assertThatThrownBy(() -> STRICT.readValue(UNIT.formatted(",\"colour\":\"red\""), RegisterUnit.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> STRICT.readValue(UNIT.formatted(",\"code\":\"T2\""), RegisterUnit.class))
                .hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> STRICT.readValue(UNIT.formatted(",\"code\":\"T2\""), JsonNode.class))
                .hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> STRICT.readValue(UNIT.formatted("") + "{}", JsonNode.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void the_base_mapper_is_left_lenient() throws Exception {
        assertThat(LENIENT.readValue("{\"a\":1,\"value\":\"x\"}", JsonNode.class).get("value").asText()).isEqualTo("x");
        assertThat(LENIENT.readValue("\"5\"", Integer.class)).isEqualTo(5);
        assertThat(UnitId.of("kl")).isEqualTo(LENIENT.readValue("\"kl\"", UnitId.class));
    }
}
