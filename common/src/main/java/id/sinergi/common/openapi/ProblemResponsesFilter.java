package id.sinergi.common.openapi;

import id.sinergi.common.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents Sinergi's error format once for every operation, so resources declare only which errors they answer:
 * each 4xx and 5xx response gets the {@code application/problem+json} body of the {@code Problem} schema, and
 * every operation lists 401, 403 and 500, which any of them can answer.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String SCHEMA = "Problem";

    private static final Map<String, String> ALWAYS = Map.of(
            "401", "No valid bearer token of the sinergi realm",
            "403", "The caller's role or scope does not allow this operation",
            "500", "Unexpected failure; the body's errorId names the log line");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> e : ALWAYS.entrySet()) {
            if (!responses.hasAPIResponse(e.getKey())) {
                responses.addAPIResponse(
                        e.getKey(), OASFactory.createAPIResponse().description(e.getValue()));
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("JSON path of the offending field, or the parameter's name"))
                .addProperty("code", text("Stable name of the rule it broke"))
                .addProperty("message", text("What is wrong, for people"));
        return OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; clients branch on type")
                .addProperty("type", text("urn:sinergi:problem:<kind>"))
                .addProperty("title", text("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("This occurrence, for people; never personal data"))
                .addProperty("instance", text("The request path"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(java.util.List.of(Schema.SchemaType.ARRAY))
                                .items(fieldError))
                .required(java.util.List.of("type", "title", "status"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.STRING))
                .description(description);
    }
}
