import Ingest
import Segment
import Rules
import Emit
