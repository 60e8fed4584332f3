"""Carriers, tracking numbers, waybill printing and the handover of parcels to the carrier."""
