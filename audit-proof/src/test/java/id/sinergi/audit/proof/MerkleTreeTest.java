package id.sinergi.audit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tree against RFC 9162 written out literally (MTH, PATH and PROOF as recursive functions over a list of
 * leaves), and against the published test vectors of the Certificate Transparency project.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight leaves of the CT reference tests. */
    private static final List<byte[]> CT_LEAVES = List.of(
            HEX.parseHex(""),
            HEX.parseHex("00"),
            HEX.parseHex("10"),
            HEX.parseHex("2021"),
            HEX.parseHex("3031"),
            HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    @Test
    void emptyTreeHasTheHashOfTheEmptyString() {
        assertThat(HEX.formatHex(Frontier.empty().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsMatchTheCertificateTransparencyVectors() {
        Frontier frontier = Frontier.empty();
        List<String> roots = new ArrayList<>();
        for (byte[] leaf : CT_LEAVES) {
            frontier.append(MerkleHash.leaf(leaf), (node, hash) -> {});
            roots.add(HEX.formatHex(frontier.root()));
        }
        assertThat(roots.get(0)).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(roots.get(7)).isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void frontierRootIsMthForEverySizeAndSurvivesEncoding() {
        List<byte[]> leaves = leaves(130);
        Frontier frontier = Frontier.empty();
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.append(leaves.get(n - 1), (node, hash) -> {});
            assertThat(frontier.root()).as("size %d", n).isEqualTo(mth(leaves.subList(0, n)));
            Frontier again = Frontier.decode(frontier.size(), frontier.encode());
            assertThat(again.root()).isEqualTo(frontier.root());
        }
    }

    @Test
    void frontierReportsEveryCompleteNodeWithItsHash() {
        List<byte[]> leaves = leaves(40);
        Map<Node, byte[]> seen = new HashMap<>();
        Frontier frontier = Frontier.empty();
        leaves.forEach(leaf -> frontier.append(leaf, seen::put));
        // 40 leaves, 20 + 10 + 5 + 2 + 1 complete inner nodes.
        assertThat(seen).hasSize(40 + 20 + 10 + 5 + 2 + 1);
        seen.forEach((node, hash) ->
                assertThat(hash).as("%s", node).isEqualTo(mth(leaves.subList((int) node.first(), (int) node.end()))));
    }

    @Test
    void inclusionProofsFromStoredNodesAreRfcPathsAndVerify() {
        List<byte[]> leaves = leaves(70);
        Map<Node, byte[]> stored = storedNodes(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] root = mth(leaves.subList(0, n));
            for (int m = 0; m < n; m++) {
                ProofPlan plan = ProofPlan.inclusion(m, n);
                assertThat(plan.storedNodes()).allMatch(Node::stored);
                List<byte[]> proof = plan.hashes(stored);
                assertThat(proof).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(path(m, leaves.subList(0, n)));
                assertThat(Proofs.verifyInclusion(m, n, leaves.get(m), proof, root))
                        .isTrue();
                if (!proof.isEmpty()) {
                    List<byte[]> bad = new ArrayList<>(proof);
                    byte[] flipped = bad.get(0).clone();
                    flipped[0] ^= 1;
                    bad.set(0, flipped);
                    assertThat(Proofs.verifyInclusion(m, n, leaves.get(m), bad, root))
                            .isFalse();
                }
                assertThat(Proofs.verifyInclusion(m, n, leaves.get((m + 1) % n), proof, root))
                        .isEqualTo(n == 1 || java.util.Arrays.equals(leaves.get(m), leaves.get((m + 1) % n)));
            }
        }
    }

    @Test
    void consistencyProofsFromStoredNodesAreRfcProofsAndVerify() {
        List<byte[]> leaves = leaves(70);
        Map<Node, byte[]> stored = storedNodes(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] newRoot = mth(leaves.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] oldRoot = mth(leaves.subList(0, m));
                List<byte[]> proof = ProofPlan.consistency(m, n).hashes(stored);
                assertThat(proof)
                        .as("PROOF(%d, D[%d])", m, n)
                        .containsExactlyElementsOf(proof(m, leaves.subList(0, n)));
                assertThat(Proofs.verifyConsistency(m, n, oldRoot, newRoot, proof))
                        .isTrue();
                byte[] otherRoot = newRoot.clone();
                otherRoot[31] ^= 1;
                assertThat(Proofs.verifyConsistency(m, n, oldRoot, otherRoot, proof))
                        .isFalse();
                assertThat(Proofs.verifyConsistency(m, n, otherRoot, newRoot, proof))
                        .isFalse();
            }
        }
    }

    @Test
    void aForkedHistoryHasNoConsistencyProof() {
        List<byte[]> leaves = leaves(20);
        List<byte[]> forked = new ArrayList<>(leaves);
        forked.set(3, MerkleHash.leaf("rewritten".getBytes(StandardCharsets.UTF_8)));
        List<byte[]> proof = ProofPlan.consistency(10, 20).hashes(storedNodes(forked));
        assertThat(Proofs.verifyConsistency(10, 20, mth(leaves.subList(0, 10)), mth(forked), proof))
                .isFalse();
    }

    @Test
    void rootPlanNeedsFewStoredNodesAtScale() {
        ProofPlan plan = ProofPlan.inclusion(1_234_567, 10_000_000);
        assertThat(plan.ranges()).hasSize(24);
        // Each of the 24 hashes comes from at most 2^3 stored nodes of the stored level below it.
        assertThat(plan.storedNodes().size()).isLessThanOrEqualTo(24 * 8);
        assertThat(ProofPlan.root(10_000_000).storedNodes().size()).isLessThanOrEqualTo(24 * 8);
    }

    @Test
    void aMissingStoredNodeIsNamed() {
        Map<Node, byte[]> stored = storedNodes(leaves(16));
        stored.remove(new Node(0, 5));
        assertThatThrownBy(() -> ProofPlan.inclusion(0, 16).hashes(stored))
                .isInstanceOf(ProofPlan.MissingNodeException.class)
                .hasMessageContaining("level 0 index 5");
    }

    @Test
    void impossibleProofsAreRefused() {
        assertThatThrownBy(() -> ProofPlan.inclusion(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofPlan.consistency(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofPlan.consistency(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Proofs.verifyInclusion(5, 5, new byte[32], List.of(), new byte[32]))
                .isFalse();
        assertThat(Proofs.verifyConsistency(3, 5, new byte[32], new byte[32], List.of()))
                .isFalse();
    }

    /** Leaf hashes of distinct leaves. */
    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** The nodes the log would store for these leaves: leaves and every fourth level. */
    static Map<Node, byte[]> storedNodes(List<byte[]> leafHashes) {
        Map<Node, byte[]> stored = new HashMap<>();
        Frontier frontier = Frontier.empty();
        leafHashes.forEach(leaf -> frontier.append(leaf, (node, hash) -> {
            if (node.stored()) {
                stored.put(node, hash);
            }
        }));
        return stored;
    }

    // RFC 9162 section 2.1.1, over leaf hashes.
    static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return MerkleHash.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    // Section 2.1.3.1.
    static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() > 1) {
            int k = Integer.highestOneBit(d.size() - 1);
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, d.size())));
            } else {
                out.addAll(path(m - k, d.subList(k, d.size())));
                out.add(mth(d.subList(0, k)));
            }
        }
        return out;
    }

    // Section 2.1.4.1.
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        if (m == d.size()) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(subproof(m - k, d.subList(k, d.size()), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }
}
