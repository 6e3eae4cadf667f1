/** Guide-facing views of customers; phone numbers are masked by construction. */
package dev.siyu.attribution.view;
