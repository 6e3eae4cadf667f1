/** Domain events: records in sealed families, serialized to JSON for hosts to publish. */
package dev.siyu.core.event;
