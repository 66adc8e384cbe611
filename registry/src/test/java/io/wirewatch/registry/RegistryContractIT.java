package io.wirewatch.registry;

import static io.wirewatch.registry.TestSchemas.BULLETIN;
import static io.wirewatch.registry.TestSchemas.DISPATCH_INCOMPATIBLE;
import static io.wirewatch.registry.TestSchemas.DISPATCH_V1;
import static io.wirewatch.registry.TestSchemas.DISPATCH_V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.registry.RegistryHttp.Answer;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST contract, endpoint by endpoint: happy paths and each error code, against the real registry on the real
 * broker. One registry for the class; every test uses its own subjects.
 */
@ExtendWith(KafkaExtension.class)
class RegistryContractIT {

    private static RegistryServer registry;
    private static RegistryHttp http;

    @BeforeAll
    static void startRegistry(TestKafka kafka) {
        registry = Registries.start(kafka, TestKafka.uniqueName("_schemas-contract"));
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private static String subject(String name) {
        return TestKafka.uniqueName(name) + "-value";
    }

    // ---------------------------------------------------------------- root, types, unknown paths, media types

    @Test
    void rootAnswersAnEmptyObjectInConfluentsMediaType() {
        Answer answer = http.get("/");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isObject()).isTrue();
        assertThat(answer.json().size()).isZero();
        assertThat(answer.contentType()).startsWith(RegistryHttp.V1);
    }

    @Test
    void schemaTypesListsAvroOnly() {
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void unknownPathsAnswer404WithConfluentsErrorBody() {
        Answer associations = http.get("/associations/resources/default/news.raw");
        Answer nowhere = http.post("/nowhere", "{}");

        assertThat(associations.status()).isEqualTo(404);
        assertThat(associations.errorCode()).isEqualTo(404);
        assertThat(associations.json().path("message").asText()).isNotBlank();
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.errorCode()).isEqualTo(404);
    }

    @Test
    void everyConfluentContentTypeAndNoneAreAccepted() {
        String s = subject("ctype");
        String body = RegistryHttp.schemaBody(DISPATCH_V1.toString());

        for (String type : new String[] {RegistryHttp.V1, "application/vnd.schemaregistry+json",
                "application/json", "application/json; charset=utf-8", "*/*", null}) {
            Answer answer = http.send("POST", "/subjects/" + s + "/versions", body, type);
            assertThat(answer.status()).as("content type %s", type).isEqualTo(200);
        }
        Answer text = http.send("POST", "/subjects/" + s + "/versions", body, "text/plain");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.errorCode()).isEqualTo(415);
    }

    @Test
    void answersInTheMediaTypeTheClientAccepts() {
        assertThat(http.send("GET", "/config", null, null, "application/json").contentType())
                .startsWith("application/json");
        assertThat(http.send("GET", "/config", null, null, "application/vnd.schemaregistry+json").contentType())
                .startsWith("application/vnd.schemaregistry+json");
        assertThat(http.send("GET", "/config", null, null, "*/*").contentType()).startsWith(RegistryHttp.V1);
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        String s = subject("query");
        int id = http.register(s, DISPATCH_V1);

        Answer answer = http.postSchema("/subjects/" + s + "/versions?normalize=false&format=x&whatever=1",
                DISPATCH_V1);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/schemas/ids/" + id + "?subject=" + s + "&fetchMaxId=false").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- register

    @Test
    void registeringAnEqualSchemaAgainReturnsTheSameIdAndVersion() {
        String s = subject("same");
        int id = http.register(s, DISPATCH_V1);

        Answer again = http.post("/subjects/" + s + "/versions",
                RegistryHttp.schemaBody(DISPATCH_V1.toString(true)));

        assertThat(again.json().path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneIdAndNewSchemasGetHigherIds() {
        String a = subject("shared-a");
        String b = subject("shared-b");
        int first = http.register(a, BULLETIN);

        int second = http.register(b, BULLETIN);
        int other = http.register(b + "-other", DISPATCH_INCOMPATIBLE);

        assertThat(second).isEqualTo(first);
        assertThat(other).isGreaterThan(first);
    }

    @Test
    void aCompatibleEvolutionGetsANewIdAndVersion() {
        String s = subject("evolve");
        int v1 = http.register(s, DISPATCH_V1);

        int v2 = http.register(s, DISPATCH_V2);

        assertThat(v2).isGreaterThan(v1);
        JsonNode latest = http.get("/subjects/" + s + "/versions/latest").json();
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("id").asInt()).isEqualTo(v2);
        assertThat(latest.path("subject").asText()).isEqualTo(s);
        assertThat(latest.has("schemaType")).as("Avro omits schemaType").isFalse();
    }

    @Test
    void anIncompatibleSchemaUnderBackwardAnswers409() {
        String s = subject("incompatible");
        http.register(s, DISPATCH_V1);

        Answer answer = http.postSchema("/subjects/" + s + "/versions", DISPATCH_INCOMPATIBLE);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo(409);
        assertThat(answer.json().path("message").asText()).contains("incompatible").contains("wordCount");
        assertThat(http.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void anInvalidSchemaAnswers42201() {
        String s = subject("invalid");

        Answer notAvro = http.post("/subjects/" + s + "/versions", RegistryHttp.schemaBody("{\"type\":\"record\"}"));
        Answer empty = http.post("/subjects/" + s + "/versions", "{\"schemaType\":\"AVRO\"}");
        Answer protobuf = http.post("/subjects/" + s + "/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        Answer references = http.post("/subjects/" + s + "/versions", "{\"schema\":\"\\\"string\\\"\","
                + "\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}");

        for (Answer answer : new Answer[] {notAvro, empty, protobuf, references}) {
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.errorCode()).isEqualTo(42201);
        }
        assertThat(http.get("/subjects/" + s + "/versions").status()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotJsonAnswers400() {
        Answer answer = http.post("/subjects/" + subject("garbled") + "/versions", "{schema: oops");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- read versions

    @Test
    void versionsAreReadByNumberByLatestAndAsBareSchema() {
        String s = subject("read");
        int id1 = http.register(s, DISPATCH_V1);
        int id2 = http.register(s, DISPATCH_V2);

        assertThat(http.get("/subjects/" + s + "/versions/1").json().path("id").asInt()).isEqualTo(id1);
        assertThat(http.get("/subjects/" + s + "/versions/-1").json().path("id").asInt()).isEqualTo(id2);
        assertThat(http.get("/subjects/" + s + "/versions/latest").json().path("id").asInt()).isEqualTo(id2);
        Answer bare = http.get("/subjects/" + s + "/versions/1/schema");
        assertThat(new Schema.Parser().parse(bare.text())).isEqualTo(DISPATCH_V1);
        assertThat(http.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).contains("\"" + s + "\"");
    }

    @Test
    void unknownSubjectsVersionsAndBadVersionsCarryTheirCodes() {
        String s = subject("missing");
        http.register(s, DISPATCH_V1);

        assertThat(http.get("/subjects/" + s + "-nope/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + s + "-nope/versions/1").errorCode()).isEqualTo(40401);
        Answer missingVersion = http.get("/subjects/" + s + "/versions/7");
        assertThat(missingVersion.status()).isEqualTo(404);
        assertThat(missingVersion.errorCode()).isEqualTo(40402);
        for (String bad : new String[] {"0", "-2", "abc", "99999999999"}) {
            Answer answer = http.get("/subjects/" + s + "/versions/" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(422);
            assertThat(answer.errorCode()).as(bad).isEqualTo(42202);
        }
    }

    // ---------------------------------------------------------------- lookup

    @Test
    void lookupFindsTheVersionHoldingAnEqualSchema() {
        String s = subject("lookup");
        int id = http.register(s, DISPATCH_V1);
        http.register(s, DISPATCH_V2);

        Answer found = http.post("/subjects/" + s, RegistryHttp.schemaBody(DISPATCH_V1.toString(true)));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertThat(found.json().path("subject").asText()).isEqualTo(s);
        assertThat(new Schema.Parser().parse(found.json().path("schema").asText())).isEqualTo(DISPATCH_V1);
    }

    @Test
    void lookupOfAnUnknownSubjectOrSchemaAnswers404WithItsCode() {
        String s = subject("lookup-miss");
        http.register(s, DISPATCH_V1);

        assertThat(http.postSchema("/subjects/" + s + "-nope", DISPATCH_V1).errorCode()).isEqualTo(40401);
        Answer schema = http.postSchema("/subjects/" + s, BULLETIN);
        assertThat(schema.status()).isEqualTo(404);
        assertThat(schema.errorCode()).isEqualTo(40403);
    }

    // ---------------------------------------------------------------- deletes

    @Test
    void aSubjectIsSoftDeletedThenPermanentlyDeleted() {
        String s = subject("delete-subject");
        int id = http.register(s, DISPATCH_V1);
        http.register(s, DISPATCH_V2);

        Answer notSoftDeleted = http.delete("/subjects/" + s + "?permanent=true");
        assertThat(notSoftDeleted.status()).isEqualTo(404);
        assertThat(notSoftDeleted.errorCode()).isEqualTo(40405);

        assertThat(http.delete("/subjects/" + s).json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).doesNotContain("\"" + s + "\"");
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains("\"" + s + "\"");
        assertThat(http.get("/subjects/" + s + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + s + "/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + s + "/versions/1?deleted=true").json().path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/schemas/ids/" + id).status()).as("ids stay readable").isEqualTo(200);
        Answer again = http.delete("/subjects/" + s);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40404);

        assertThat(http.delete("/subjects/" + s + "?permanent=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain("\"" + s + "\"");
        assertThat(http.delete("/subjects/" + s).errorCode()).isEqualTo(40401);
    }

    @Test
    void aVersionIsSoftDeletedThenPermanentlyDeleted() {
        String s = subject("delete-version");
        http.register(s, DISPATCH_V1);
        http.register(s, DISPATCH_V2);

        Answer notSoftDeleted = http.delete("/subjects/" + s + "/versions/2?permanent=true");
        assertThat(notSoftDeleted.errorCode()).isEqualTo(40407);
        assertThat(http.delete("/subjects/" + s + "/versions/latest").text()).isEqualTo("2");
        assertThat(http.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[1]");
        assertThat(http.delete("/subjects/" + s + "/versions/2").errorCode()).isEqualTo(40406);
        assertThat(http.delete("/subjects/" + s + "/versions/2?permanent=true").text()).isEqualTo("2");
        assertThat(http.get("/subjects/" + s + "/versions?deleted=true").json().toString()).isEqualTo("[1]");
        assertThat(http.delete("/subjects/" + s + "/versions/5").errorCode()).isEqualTo(40402);
        assertThat(http.delete("/subjects/" + s + "/versions/zero").errorCode()).isEqualTo(42202);
        assertThat(http.delete("/subjects/" + s + "-nope/versions/1").errorCode()).isEqualTo(40401);
    }

    @Test
    void aSoftDeletedVersionNoLongerTakesPartInCompatibilityChecks() {
        String s = subject("delete-compat");
        http.register(s, DISPATCH_V1);
        http.delete("/subjects/" + s + "/versions/1");

        Answer answer = http.postSchema("/subjects/" + s + "/versions", DISPATCH_INCOMPATIBLE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(http.get("/subjects/" + s + "/versions").json().toString()).isEqualTo("[2]");
    }

    // ---------------------------------------------------------------- schemas by id

    @Test
    void schemasAreReadByGlobalIdWithTheirSubjectsAndVersions() {
        String a = subject("by-id-a");
        String b = subject("by-id-b");
        int id = http.register(a, TestSchemas.DISPATCH_V1);
        http.register(b, TestSchemas.DISPATCH_V1);

        Answer schema = http.get("/schemas/ids/" + id + "?subject=" + a);
        assertThat(schema.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(schema.json().path("schema").asText())).isEqualTo(DISPATCH_V1);
        assertThat(schema.json().has("schemaType")).isFalse();
        assertThat(new Schema.Parser().parse(http.get("/schemas/ids/" + id + "/schema").text()))
                .isEqualTo(DISPATCH_V1);
        assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString())
                .contains("\"" + a + "\"").contains("\"" + b + "\"");
        JsonNode versions = http.get("/schemas/ids/" + id + "/versions").json();
        assertThat(versions.toString()).contains("{\"subject\":\"" + a + "\",\"version\":1}")
                .contains("{\"subject\":\"" + b + "\",\"version\":1}");
    }

    @Test
    void anUnknownSchemaIdAnswers40403() {
        Answer unknown = http.get("/schemas/ids/987654");
        Answer notANumber = http.get("/schemas/ids/abc");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40403);
        assertThat(notANumber.errorCode()).isEqualTo(40403);
        assertThat(http.get("/schemas/ids/987654/subjects").errorCode()).isEqualTo(40403);
        assertThat(http.get("/schemas/ids/987654/versions").errorCode()).isEqualTo(40403);
    }

    // ---------------------------------------------------------------- compatibility

    @Test
    void compatibilityIsCheckedAgainstTheLatestOrAGivenVersion() {
        String s = subject("compat");
        http.register(s, DISPATCH_V1);

        Answer compatible = http.postSchema("/compatibility/subjects/" + s + "/versions/latest", DISPATCH_V2);
        Answer incompatible = http.postSchema("/compatibility/subjects/" + s + "/versions/1?verbose=true",
                DISPATCH_INCOMPATIBLE);
        Answer againstAll = http.postSchema("/compatibility/subjects/" + s + "/versions", DISPATCH_INCOMPATIBLE);

        assertThat(compatible.json().toString()).isEqualTo("{\"is_compatible\":true}");
        assertThat(incompatible.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.json().path("messages").toString()).contains("wordCount");
        assertThat(againstAll.json().toString()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void compatibilityErrorsCarryTheirCodes() {
        String s = subject("compat-errors");
        http.register(s, DISPATCH_V1);

        assertThat(http.postSchema("/compatibility/subjects/" + s + "-new/versions/latest", DISPATCH_V1).json()
                .path("is_compatible").asBoolean()).as("nothing to be incompatible with").isTrue();
        assertThat(http.postSchema("/compatibility/subjects/" + s + "-new/versions/1", DISPATCH_V1).errorCode())
                .isEqualTo(40401);
        assertThat(http.postSchema("/compatibility/subjects/" + s + "/versions/9", DISPATCH_V1).errorCode())
                .isEqualTo(40402);
        assertThat(http.postSchema("/compatibility/subjects/" + s + "/versions/first", DISPATCH_V1).errorCode())
                .isEqualTo(42202);
        assertThat(http.post("/compatibility/subjects/" + s + "/versions/1", RegistryHttp.schemaBody("{\"x\":1}"))
                .errorCode()).isEqualTo(42201);
    }

    // ---------------------------------------------------------------- config

    @Test
    void subjectLevelsOverrideTheGlobalOne() {
        String s = subject("config");
        http.register(s, DISPATCH_V1);

        Answer missing = http.get("/config/" + s);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/" + s + "?defaultToGlobal=true").json().path("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");

        Answer put = http.put("/config/" + s, "{\"compatibility\":\"NONE\"}");
        assertThat(put.json().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(http.get("/config/" + s).json().toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.postSchema("/subjects/" + s + "/versions", DISPATCH_INCOMPATIBLE).status()).isEqualTo(200);

        assertThat(http.delete("/config/" + s).json().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(http.get("/config/" + s).errorCode()).isEqualTo(40408);
        assertThat(http.delete("/config/" + s).errorCode()).isEqualTo(40408);
    }

    @Test
    void theGlobalLevelIsReadSetAndReset() {
        assertThat(http.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        try {
            assertThat(http.put("/config", "{\"compatibility\":\"full_transitive\"}").json().toString())
                    .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
            assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        } finally {
            assertThat(http.delete("/config").json().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        }
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void anUnknownCompatibilityLevelAnswers42203() {
        Answer global = http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}");
        Answer subjectLevel = http.put("/config/" + subject("config-bad"), "{}");

        assertThat(global.status()).isEqualTo(422);
        assertThat(global.errorCode()).isEqualTo(42203);
        assertThat(subjectLevel.errorCode()).isEqualTo(42203);
        assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    // ---------------------------------------------------------------- mode

    @Test
    void aReadOnlySubjectRefusesWritesWith42205() {
        String s = subject("mode");
        http.register(s, DISPATCH_V1);
        assertThat(http.get("/mode").json().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
        assertThat(http.get("/mode/" + s).errorCode()).isEqualTo(40409);

        assertThat(http.put("/mode/" + s, "{\"mode\":\"READONLY\"}").json().toString())
                .isEqualTo("{\"mode\":\"READONLY\"}");
        Answer refused = http.postSchema("/subjects/" + s + "/versions", DISPATCH_V2);
        Answer refusedDelete = http.delete("/subjects/" + s);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42205);
        assertThat(refusedDelete.errorCode()).isEqualTo(42205);
        assertThat(http.get("/mode/" + s).json().path("mode").asText()).isEqualTo("READONLY");
        assertThat(http.delete("/mode/" + s).json().path("mode").asText()).isEqualTo("READONLY");
        assertThat(http.postSchema("/subjects/" + s + "/versions", DISPATCH_V2).status()).isEqualTo(200);
    }

    @Test
    void theGlobalModeTurnsTheWholeRegistryReadOnly() {
        String s = subject("mode-global");
        try {
            assertThat(http.put("/mode", "{\"mode\":\"READONLY\"}").json().path("mode").asText())
                    .isEqualTo("READONLY");
            assertThat(http.postSchema("/subjects/" + s + "/versions", DISPATCH_V1).errorCode()).isEqualTo(42205);
            assertThat(http.get("/subjects").status()).as("reads go on").isEqualTo(200);
        } finally {
            http.put("/mode", "{\"mode\":\"READWRITE\"}");
        }
        assertThat(http.postSchema("/subjects/" + s + "/versions", DISPATCH_V1).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrUnsupportedModeAnswers42204() {
        Answer unknown = http.put("/mode", "{\"mode\":\"SOMETIMES\"}");
        Answer importMode = http.put("/mode", "{\"mode\":\"IMPORT\"}");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo(42204);
        assertThat(importMode.errorCode()).isEqualTo(42204);
        assertThat(http.get("/mode").json().path("mode").asText()).isEqualTo("READWRITE");
    }

    // ---------------------------------------------------------------- operations

    @Test
    void healthIsReadyAndMetricsCountRequests() {
        http.get("/subjects");

        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        assertThat(http.get("/health/live").status()).isEqualTo(200);
        String metrics = http.get("/metrics").text();
        assertThat(metrics).contains("registry_requests_seconds_count").contains("route=\"/subjects\"")
                .contains("registry_subjects").contains("registry_store_position");
    }
}
