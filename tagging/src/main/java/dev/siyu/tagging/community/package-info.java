/**
 * Communities (社群): types with admission rules and a capacity (the next group opens when one is
 * full), the store fans → interest → KOC pyramid with promotion and demotion by activity, group
 * health and prune suggestions.
 */
package dev.siyu.tagging.community;
