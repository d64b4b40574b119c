package id.sinergi.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The function-level checks every service runs on its {@link AuthorizationMatrix} from its own
 * {@code @QuarkusTest}: the table covers the OpenAPI document exactly, every account without a row's role is
 * refused with 403 and the refusal audited, every holder of one is not refused by role, and no JSON body takes a
 * server-owned field but those the service lists (and checks itself).
 */
public abstract class AuthorizationMatrixTests {

    /** The service's table of operations and the roles that may call each. */
    protected abstract AuthorizationMatrix matrix();

    /** Where the service's DENIED refusals are counted: its audit outbox, or audit-service's own log. */
    protected abstract AuthorizationMatrix.DeniedEvents deniedEvents();

    /**
     * The server-owned fields the service's body schemas do carry, by operation, each checked by the service
     * against the caller (the subclass says how); empty when none.
     */
    protected abstract Map<String, Set<String>> serverOwnedFieldsTaken();

    @Test
    void shouldHaveARowForEveryOperationOfTheOpenApiDocument() {
        assertThat(matrix().operations()).isEqualTo(AuthorizationMatrix.documentedOperations());
    }

    @Test
    void shouldRefuseEveryOperationToEveryAccountWithoutItsRoleWith403AndAuditEachRefusal() {
        assertThat(matrix().wrongRefusals(deniedEvents())).isEmpty();
    }

    @Test
    void shouldNotRefuseByRoleAnAccountHoldingARoleOfTheRow() {
        assertThat(matrix().refusedAllowedCallers()).isEmpty();
    }

    @Test
    void shouldTakeNoServerOwnedFieldInABodyButTheListedOnes() {
        assertThat(AuthorizationMatrix.serverOwnedFieldsInBodies()).isEqualTo(serverOwnedFieldsTaken());
    }

    @Test
    void shouldRefuseEveryBodyNamingAServerOwnedFieldWithAnUnknownFieldProblem() {
        assertThat(matrix().serverOwnedFieldsNotRefused()).isEmpty();
    }
}
