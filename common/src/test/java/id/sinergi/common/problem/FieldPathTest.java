package id.sinergi.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    record Inner(@NotBlank String name) {}

    /** A rule about an object as a whole, which names no field of it. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = NeverValid.Check.class)
    @interface NeverValid {
        String message() default "is never valid";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<NeverValid, Object> {
            @Override
            public boolean isValid(Object value, ConstraintValidatorContext context) {
                return false;
            }
        }
    }

    @NeverValid
    record Whole(String name) {}

    record Body(@NotNull String nik, @Valid Inner inner, List<@Valid Inner> items) {}

    static class Resource {
        public void register(@Valid Body body) {}

        public void batch(List<@Valid Inner> events) {}

        public void list(@QueryParam("limit") @NotNull Integer limit) {}

        public void find(@PathParam("id") @NotNull String workerId) {}

        public void create(@NotNull @Valid Body request) {}
    }

    /** As CDI makes it: the method overridden without the parameters' annotations. */
    static class ResourceSubclass extends Resource {
        @Override
        public void find(String workerId) {}
    }

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    private List<String> fields(String method, Class<?> type, Object arg) throws NoSuchMethodException {
        return fields(new Resource(), method, type, arg);
    }

    private List<String> fields(Resource resource, String method, Class<?> type, Object arg)
            throws NoSuchMethodException {
        Method m = Resource.class.getMethod(method, type);
        return validator.forExecutables().validateParameters(resource, m, new Object[] {arg}).stream()
                .map(ProblemMappers::fieldOf)
                .sorted()
                .toList();
    }

    @Test
    void shouldNameBodyFieldsByTheirJsonPathWithoutMethodOrParameter() throws Exception {
        Body body = new Body(null, new Inner(""), List.of(new Inner("ok"), new Inner(" ")));

        assertThat(fields("register", Body.class, body)).containsExactly("inner.name", "items[1].name", "nik");
    }

    @Test
    void shouldNameTheElementOfAListBody() throws Exception {
        assertThat(fields("batch", List.class, List.of(new Inner("a"), new Inner(""))))
                .containsExactly("[1].name");
    }

    @Test
    void shouldNameAParameterByItsName() throws Exception {
        assertThat(fields("list", Integer.class, null)).containsExactly("limit");
        assertThat(fields("find", String.class, null)).containsExactly("id");
    }

    @Test
    void shouldNameAParameterOfAGeneratedSubclassByItsAnnotation() throws Exception {
        assertThat(fields(new ResourceSubclass(), "find", String.class, null)).containsExactly("id");
    }

    @Test
    void shouldNameAMissingBodyAsTheBodyNotByItsJavaName() throws Exception {
        assertThat(fields("create", Body.class, null)).containsExactly("(body)");
    }

    @Test
    void shouldListAtMostAHundredBrokenRulesAndSayHowManyThereAre() throws Exception {
        List<Inner> many = java.util.stream.IntStream.range(0, 250)
                .mapToObj(i -> new Inner(""))
                .toList();
        Method batch = Resource.class.getMethod("batch", List.class);

        Problem problem = ProblemMappers.violationProblem(
                validator.forExecutables().validateParameters(new Resource(), batch, new Object[] {many}), "/x");

        assertThat(problem.getErrors()).hasSize(ProblemMappers.MAX_ERRORS);
        assertThat(problem.getDetail())
                .isEqualTo("The request breaks 250 rule(s); see errors (the first 100, by field)");
        Problem few = ProblemMappers.violationProblem(
                validator.forExecutables().validateParameters(new Resource(), batch, new Object[] {many.subList(0, 3)}),
                "/x");
        assertThat(few.getErrors()).hasSize(3);
        assertThat(few.getDetail()).isEqualTo("The request breaks 3 rule(s); see errors");
    }

    @Test
    void shouldNameElementsValidatedOneByOneAsValidationOfTheWholeListNamesThem() throws Exception {
        List<Inner> events = List.of(new Inner("a"), new Inner(""), new Inner(" "));
        Map<Integer, Set<ConstraintViolation<Inner>>> byIndex = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            Set<ConstraintViolation<Inner>> violations = validator.validate(events.get(i));
            if (!violations.isEmpty()) {
                byIndex.put(i, violations);
            }
        }

        Problem problem = ProblemMappers.elementViolationProblem(byIndex, "/x");

        assertThat(problem.getErrors())
                .extracting(Problem.FieldError::field)
                .containsExactlyElementsOf(fields("batch", List.class, events));
        // A rule about an element as a whole is named by the element's index alone.
        Problem whole = ProblemMappers.elementViolationProblem(Map.of(2, validator.validate(new Whole("a"))), "/x");
        assertThat(whole.getErrors()).extracting(Problem.FieldError::field).containsExactly("[2]");
    }
}
