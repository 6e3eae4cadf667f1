/**
 * Audiences: boolean expressions over tags and features evaluated with RoaringBitmap over member
 * ordinals, consent always applied, and campaign selections under a contact policy with a report of
 * who was left out and why.
 */
package dev.siyu.tagging.audience;
