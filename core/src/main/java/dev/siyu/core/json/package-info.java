/**
 * The JSON edge of Siyu: one hardened mapper (DESIGN §2.8), configuration documents read through
 * {@link dev.siyu.core.json.ConfigNode} with errors that name the JSON pointer, line and column
 * ({@link dev.siyu.core.json.ConfigException}), and JSON for events and results.
 */
package dev.siyu.core.json;
