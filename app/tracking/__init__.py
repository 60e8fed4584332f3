"""After the handover: tracking events, exception rules, customer feedback and compensation."""
