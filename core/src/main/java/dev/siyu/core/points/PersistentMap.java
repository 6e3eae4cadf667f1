package dev.siyu.core.points;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable hash map with structural sharing (a hash array mapped trie): {@link #put} copies
 * only the path to the changed entry, O(log32 n), so an account with thousands of recorded
 * operations is not copied whole per command. Insert and replace only; no removal. Keys and values
 * must not be null. Immutable and thread-safe.
 */
final class PersistentMap<K, V> {

    private static final PersistentMap<Object, Object> EMPTY = new PersistentMap<>(null, 0);
    private static final Object[] NO_ENTRIES = new Object[0];

    private final Object root;
    private final int size;

    private PersistentMap(Object root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    int size() {
        return size;
    }

    private static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        Objects.requireNonNull(key, "key");
        int hash = hash(key);
        Object node = root;
        int shift = 0;
        while (node != null) {
            if (node instanceof Collision c) {
                if (c.hash != hash) {
                    return null;
                }
                for (int i = 0; i < c.kvs.length; i += 2) {
                    if (key.equals(c.kvs[i])) {
                        return (V) c.kvs[i + 1];
                    }
                }
                return null;
            }
            Bitmap b = (Bitmap) node;
            int bit = 1 << ((hash >>> shift) & 31);
            if ((b.bitmap & bit) == 0) {
                return null;
            }
            int idx = 2 * Integer.bitCount(b.bitmap & (bit - 1));
            Object k = b.array[idx];
            if (k == null) {
                node = b.array[idx + 1];
                shift += 5;
            } else {
                return key.equals(k) ? (V) b.array[idx + 1] : null;
            }
        }
        return null;
    }

    PersistentMap<K, V> put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        boolean[] added = new boolean[1];
        Object base = root == null ? new Bitmap(0, NO_ENTRIES) : root;
        Object newRoot = put(base, 0, hash(key), key, value, added);
        if (newRoot == root) {
            return this;
        }
        return new PersistentMap<>(newRoot, added[0] ? size + 1 : size);
    }

    void forEach(BiConsumer<? super K, ? super V> action) {
        if (root != null) {
            forEach(root, action);
        }
    }

    @SuppressWarnings("unchecked")
    private void forEach(Object node, BiConsumer<? super K, ? super V> action) {
        Object[] array = node instanceof Collision c ? c.kvs : ((Bitmap) node).array;
        for (int i = 0; i < array.length; i += 2) {
            if (array[i] == null) {
                forEach(array[i + 1], action);
            } else {
                action.accept((K) array[i], (V) array[i + 1]);
            }
        }
    }

    private static Object put(Object node, int shift, int hash, Object key, Object value, boolean[] added) {
        if (node instanceof Collision c) {
            if (c.hash == hash) {
                for (int i = 0; i < c.kvs.length; i += 2) {
                    if (key.equals(c.kvs[i])) {
                        if (c.kvs[i + 1] == value) {
                            return c;
                        }
                        Object[] copy = c.kvs.clone();
                        copy[i + 1] = value;
                        return new Collision(hash, copy);
                    }
                }
                Object[] copy = Arrays.copyOf(c.kvs, c.kvs.length + 2);
                copy[c.kvs.length] = key;
                copy[c.kvs.length + 1] = value;
                added[0] = true;
                return new Collision(hash, copy);
            }
            Bitmap wrapper = new Bitmap(1 << ((c.hash >>> shift) & 31), new Object[] {null, c});
            return put(wrapper, shift, hash, key, value, added);
        }
        Bitmap b = (Bitmap) node;
        int bit = 1 << ((hash >>> shift) & 31);
        int idx = 2 * Integer.bitCount(b.bitmap & (bit - 1));
        if ((b.bitmap & bit) != 0) {
            Object k = b.array[idx];
            Object v = b.array[idx + 1];
            Object[] copy;
            if (k == null) {
                Object sub = put(v, shift + 5, hash, key, value, added);
                if (sub == v) {
                    return b;
                }
                copy = b.array.clone();
                copy[idx + 1] = sub;
            } else if (key.equals(k)) {
                if (v == value) {
                    return b;
                }
                copy = b.array.clone();
                copy[idx + 1] = value;
            } else {
                copy = b.array.clone();
                copy[idx] = null;
                copy[idx + 1] = pair(shift + 5, hash(k), k, v, hash, key, value);
                added[0] = true;
            }
            return new Bitmap(b.bitmap, copy);
        }
        Object[] copy = new Object[b.array.length + 2];
        System.arraycopy(b.array, 0, copy, 0, idx);
        copy[idx] = key;
        copy[idx + 1] = value;
        System.arraycopy(b.array, idx, copy, idx + 2, b.array.length - idx);
        added[0] = true;
        return new Bitmap(b.bitmap | bit, copy);
    }

    private static Object pair(int shift, int h1, Object k1, Object v1, int h2, Object k2, Object v2) {
        if (h1 == h2) {
            return new Collision(h1, new Object[] {k1, v1, k2, v2});
        }
        boolean[] ignored = new boolean[1];
        Object node = new Bitmap(0, new Object[0]);
        node = put(node, shift, h1, k1, v1, ignored);
        return put(node, shift, h2, k2, v2, ignored);
    }

    private record Bitmap(int bitmap, Object[] array) {
    }

    private record Collision(int hash, Object[] kvs) {
    }
}
