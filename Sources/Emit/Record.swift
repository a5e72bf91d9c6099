import Ingest
import Segment
import Rules
