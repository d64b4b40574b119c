package id.sinergi.devstack.testing;

import id.sinergi.devstack.TokenClient;

/** Tokens from the test Keycloak for the realm's demo users and clients. */
public final class Tokens {

    private static TokenClient client;

    private Tokens() {}

    private static synchronized TokenClient client() {
        if (client == null) {
            client = new TokenClient(SinergiTestResource.realmUrl());
        }
        return client;
    }

    /** Access token of a demo user, e.g. {@code consul.kl}. */
    public static String user(String username) {
        return client().user(username);
    }

    /** Access token of a confidential client's service account, with its local secret from the realm file. */
    public static String client(String clientId) {
        return client().client(clientId, TokenClient.localSecret(clientId));
    }
}
