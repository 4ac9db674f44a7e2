// Demo content for Broadsheet: "The Harbour Ledger", a fictional independent
// news site for the fictional seaside town of Port Ardle. All people, places,
// businesses and events below are invented; any resemblance is coincidental.

import type { Comment, Post } from '@/db/schema';

export type DemoComment = {
  name: string;
  email?: string;
  body: string; // plain text, paragraphs separated by a blank line; may include one URL
  status: Extract<Comment['status'], 'approved' | 'pending'>;
  minutesAfterPost: number; // when it was written, relative to the post's publish time
  replies?: DemoComment[];
};

export type DemoPost = {
  slug: string; // lowercase-hyphenated, unique
  title: string;
  excerpt: string; // one or two sentences, plain text
  bodyHtml: string;
  labels: string[]; // names from demoLabels
  author: 'maya-okafor' | 'tom-lindqvist';
  daysAgo: number; // publish date = now minus this many days (0..45)
  hour: number; // hour of day (UTC) it was published, 6..21
  status: Exclude<Post['status'], 'review'>;
  cover?: { src: string; alt: string };
  comments?: DemoComment[];
};

export const demoAuthors: {
  slug: 'maya-okafor' | 'tom-lindqvist';
  name: string;
  email: string;
  bio: string;
  image: string;
}[] = [
  {
    slug: 'maya-okafor',
    name: 'Maya Okafor',
    email: 'maya@broadsheet.test',
    bio: 'Maya covers the harbour, the council chamber and anything that floods. She has lived in Port Ardle for eleven years and still gets lost in the back lanes behind Chapel Street.',
    image: '/demo/avatars/maya-okafor.svg',
  },
  {
    slug: 'tom-lindqvist',
    name: 'Tom Lindqvist',
    email: 'tom@broadsheet.test',
    bio: 'Tom writes about schools, local business and the weather, usually while standing in it. He edits the Ledger’s weekend pages.',
    image: '/demo/avatars/tom-lindqvist.svg',
  },
];

export const demoLabels: string[] = ['Town Council', 'Harbour', 'Schools', 'Business', 'Weather', 'Culture'];

export const demoPosts: DemoPost[] = [
  // ---------------------------------------------------------------- day 0
  {
    slug: 'harbour-wall-repairs-begin',
    title: 'Work finally begins on the crumbling east harbour wall',
    excerpt:
      'Contractors moved onto the east pier at first light, three winters after the storm that opened a crack you could put your arm into. The repairs will close part of the quay until late autumn.',
    bodyHtml: `<p>A crane barge nosed into Port Ardle harbour at six o’clock this morning, and by eight the first steel sheet piles were being lowered along the outside of the east wall. For many in town it was a sight they had stopped expecting to see.</p>
<p>The wall was badly damaged in the storm three winters ago, when waves lifted several of the granite coping stones and opened a crack near the old fish steps. Temporary concrete filling has held since then, but engineers warned the harbour board last year that another severe season could undermine the foundations.</p>
<h2>What happens next</h2>
<p>The contractor, working for the harbour board, will drive a line of steel piles along the seaward face before rebuilding the damaged section in reinforced concrete faced with the original stone. Where possible, the old granite blocks have been numbered so that they can be put back in their places.</p>
<ul>
<li>The east quay is closed to vehicles from today until at least the end of October.</li>
<li>Pedestrians can still reach the lighthouse along a fenced walkway on the inner side.</li>
<li>Piling work will be limited to 8am–6pm on weekdays.</li>
</ul>
<p>Harbourmaster Declan Roe said the timing had been chosen to avoid the worst of the winter weather and the busiest weeks of the fishing calendar. “Nobody likes a closed quay,” he said. “But I like a collapsed one a great deal less.”</p>
<blockquote>“We’ve numbered every stone we lift. When this is finished, it should look like the wall your grandparents knew, only it will still be standing in a hundred years.”</blockquote>
<p>The three boats that normally land at the east steps have moved to temporary berths at the fuel pontoon. Skipper Aileen Trask, who fishes out of the harbour with her brother, said the move was “a nuisance but a fair one”.</p>
<p>The full works schedule and a map of the closures are available on the <a href="https://example.org/harbour-board/east-wall">harbour board’s project page</a>. The Ledger will report on progress as the work continues.</p>`,
    labels: ['Harbour', 'Town Council'],
    author: 'maya-okafor',
    daysAgo: 0,
    hour: 9,
    status: 'published',
    cover: {
      src: '/demo/covers/harbour.svg',
      alt: 'Illustration of a stone harbour wall with a lighthouse and a small crane barge under a pale morning sky',
    },
    comments: [
      {
        name: 'Harbourside Resident',
        email: 'harbourside@example.com',
        body: 'About time. I walk my dog past that crack every morning and it has been getting wider every winter.\n\nGood to hear they are keeping the old stones.',
        status: 'approved',
        minutesAfterPost: 42,
        replies: [
          {
            name: 'Aileen T.',
            email: 'aileen.trask@example.com',
            body: 'Same here. Moving to the fuel pontoon is a squeeze for the boats, but worth it if the wall is done properly this time.',
            status: 'approved',
            minutesAfterPost: 95,
          },
        ],
      },
      {
        name: 'J. Marsh',
        email: 'jmarsh@example.com',
        body: 'Does anyone know whether the Saturday boat trips from the east steps will still run? The harbour board page only mentions the fishing boats.',
        status: 'approved',
        minutesAfterPost: 130,
      },
      {
        name: 'Best Deals Online',
        email: 'promo@example.com',
        body: 'Cheap marine insurance quotes here!!! Click now https://example.com/offers',
        status: 'pending',
        minutesAfterPost: 150,
      },
    ],
  },

  // ---------------------------------------------------------------- day 2
  {
    slug: 'lifeboat-station-open-day',
    title: 'Lifeboat crew throws open the doors for first open day in five years',
    excerpt:
      'Hundreds queued to climb aboard the all-weather lifeboat on Saturday, as the volunteer crew marked the station’s refit with a day of demonstrations and cake.',
    bodyHtml: `<p>The queue for the lifeboat stretched past the chip shop by half past ten on Saturday morning, as Port Ardle’s volunteer crew held their first open day since the station closed for its long refit.</p>
<p>Visitors were allowed aboard the all-weather boat in small groups, where crew members explained the wheelhouse instruments, the self-righting design and the kit they carry on a call-out. Children were offered the chance to try on a helmet and lifejacket, which most of them found considerably heavier than expected.</p>
<h2>A busy year at sea</h2>
<p>Station coxswain Ben Carrow told visitors the crew had launched twenty-six times in the past twelve months, from a capsized dinghy off Gull Point to a cargo ship’s crew member taken ill forty miles out. “Most of our jobs are not dramatic,” he said. “A broken-down engine, a walker cut off by the tide. But every one of them is somebody’s worst day.”</p>
<p>The refit, paid for largely by donations, replaced the slipway winch and added a new crew room and drying area. Volunteers said the old changing room had been “essentially a cupboard with a hose in it”.</p>
<p>At two o’clock the inshore boat gave a demonstration off the breakwater, pulling a volunteer “casualty” from the water while the coastguard helicopter circled overhead on a training flight. The applause from the harbour wall could be heard across the bay.</p>
<blockquote>“We are always looking for people — not just crew, but shop volunteers, fundraisers, people who can fix a kettle.”</blockquote>
<p>The station is recruiting shore crew and fundraisers. Anyone interested can drop in on Tuesday training evenings or read more on the <a href="https://example.org/port-ardle-lifeboat/volunteer">station’s volunteer page</a>. The cake stall alone raised a little over four hundred pounds.</p>`,
    labels: ['Harbour', 'Culture'],
    author: 'tom-lindqvist',
    daysAgo: 2,
    hour: 14,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 4 (two posts)
  {
    slug: 'storm-warning-weekend-gales',
    title: 'Gales and high tides forecast: what to expect this weekend',
    excerpt:
      'A deep area of low pressure is expected to bring gusts of up to seventy miles an hour to the coast on Saturday night, coinciding with one of the highest tides of the month.',
    bodyHtml: `<p>Residents along the seafront are being urged to prepare for a rough weekend, with forecasters predicting severe gales on Saturday night just as a spring tide reaches its peak.</p>
<p>The strongest winds are expected between about 10pm on Saturday and 4am on Sunday, with gusts of sixty to seventy miles an hour possible on exposed headlands. High water at Port Ardle is due at 11.40pm, and the combination of wind, swell and tide could push spray and shingle over the promenade.</p>
<h2>Practical advice</h2>
<ul>
<li>Move cars away from Marine Parade and the lower end of Fore Street before Saturday evening.</li>
<li>Tie down or bring in bins, garden furniture and trampolines.</li>
<li>Keep well away from the harbour wall and the breakwater while waves are breaking.</li>
<li>Check on elderly neighbours, particularly if power cuts are forecast.</li>
</ul>
<p>The town council said sandbags would be available from the depot on Mill Lane from Friday afternoon, while stocks last. Council staff will close the flood gates at the bottom of Slipway Hill at 9pm on Saturday.</p>
<p>Harbourmaster Declan Roe said all vessels had been advised to double their mooring lines, and that the east quay — already closed for works — would be cleared of equipment on Friday. “The contractors know the drill,” he said. “Anything that isn’t bolted down goes home.”</p>
<p>The weather is expected to ease during Sunday morning, leaving a bright but blustery day. Ferry passengers are advised to check sailings before travelling, as Saturday evening crossings are likely to be cancelled.</p>
<p>The Ledger will post updates through the weekend. If you see flooding or damage, please send photographs — safely taken — to the newsroom.</p>`,
    labels: ['Weather', 'Harbour'],
    author: 'tom-lindqvist',
    daysAgo: 4,
    hour: 7,
    status: 'published',
    comments: [
      {
        name: 'Fore Street Neighbour',
        email: 'forestreet@example.com',
        body: 'Thanks for the early warning. The sandbag depot was already busy at lunchtime so go early if you need them.',
        status: 'approved',
        minutesAfterPost: 310,
      },
    ],
  },
  {
    slug: 'primary-school-roof-funding',
    title: 'St Brannoc’s primary wins funding to fix leaking roof',
    excerpt:
      'Pupils at St Brannoc’s have spent two winters dodging buckets in the hall. This week the school learned it will finally get a new roof over the summer holidays.',
    bodyHtml: `<p>Buckets have been a permanent fixture in the hall at St Brannoc’s Primary School for two winters. This week, headteacher Grace Pellow was able to tell pupils they would soon be gone for good.</p>
<p>The school has been awarded a grant from the regional buildings programme to replace the flat roof over its hall and two classrooms, a job estimated at a little under two hundred thousand pounds. The work will be carried out during the summer holidays so that no lessons are lost.</p>
<p>“We have had PE lessons planned around the drips,” Mrs Pellow said. “The children have been very good about it, but a school should not need a bucket rota.”</p>
<h2>Years of patching</h2>
<p>The roof, installed in the 1970s, has been patched repeatedly. A survey last spring found that water had begun to reach the timber deck in several places, and the local authority agreed that the school could apply for urgent funding.</p>
<p>Parents raised more than three thousand pounds towards temporary repairs last year through a sponsored walk along the coast path. That money will now go towards new play equipment instead.</p>
<blockquote>“It’s a relief. The hall is where we hold assemblies, lunch, the nativity — everything. It’s the heart of the school.”</blockquote>
<p>Councillor Ruth Penhallow, who chairs the council’s community committee, said she was pleased the bid had succeeded but warned that several other school buildings in the area were “in a similar state”. The council will discuss a wider maintenance plan at its next full meeting.</p>
<p>Pupils have been invited to design a mural for the new hall, with entries due before the Easter break.</p>`,
    labels: ['Schools', 'Town Council'],
    author: 'maya-okafor',
    daysAgo: 4,
    hour: 16,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 7
  {
    slug: 'quayside-market-new-traders',
    title: 'Six new stalls as Quayside Market grows into its second season',
    excerpt:
      'Port Ardle’s Saturday market has added a cheesemaker, a bike mechanic and a stall selling nothing but pickles. Organisers say footfall is up by a third.',
    bodyHtml: `<p>When Quayside Market launched last spring with eleven stalls and a borrowed gazebo, organisers were not sure it would survive the summer. A year on, it has a waiting list.</p>
<p>Six new traders joined this Saturday, taking the total to twenty-three. Among them are a cheesemaker from a farm on the Ardle valley road, a mobile bike mechanic who works out of a converted milk float, and a stall that sells only pickles and chutneys.</p>
<h2>Footfall up by a third</h2>
<p>Market organiser Priya Nandakumar said visitor counts taken on the quay suggested footfall was up by around a third on the same weeks last year. “We are seeing people who come specifically for the market and then stay for lunch,” she said. “That matters for the cafés and shops on Fore Street too.”</p>
<p>Not everyone has been convinced. Some shopkeepers said at the launch that a weekly market would draw trade away from them. But Harold Vane, who runs the hardware shop near the slipway, said his Saturday takings had gone up rather than down. “I was wrong about that,” he said. “Happy to admit it.”</p>
<ul>
<li>The market runs every Saturday from 9am to 2pm on the west quay.</li>
<li>Pitches cost fifteen pounds a week, with discounts for first-time traders.</li>
<li>Dogs are welcome; the pickle stall asks that they are kept away from the samples.</li>
</ul>
<p>The market’s future on the quay is not guaranteed. Its licence from the harbour board runs until the end of the year, and renewal will depend in part on how the east wall works affect space on the harbour.</p>
<p>For now, though, the mood among traders was bright. “Sold out of the smoked cheddar by eleven,” said the new cheesemaker. “I’ll bring twice as much next week.”</p>`,
    labels: ['Business'],
    author: 'maya-okafor',
    daysAgo: 7,
    hour: 11,
    status: 'published',
    cover: {
      src: '/demo/covers/market.svg',
      alt: 'Illustration of a row of striped market stalls on a quayside with bunting and the sea behind',
    },
    comments: [
      {
        name: 'Lottie B.',
        email: 'lottieb@example.com',
        body: 'The pickle stall is dangerous. I went for one jar and came home with four.',
        status: 'approved',
        minutesAfterPost: 65,
      },
      {
        name: 'R. Quiller',
        email: 'rquiller@example.com',
        body: 'Great to see it doing well. Would love to see it run on a weekday evening in summer too.\n\nThe organisers have a form for suggestions here: https://example.org/quayside-market/feedback',
        status: 'approved',
        minutesAfterPost: 240,
      },
      {
        name: 'Harbourside Resident',
        email: 'harbourside@example.com',
        body: 'Fair play to Harold for saying he was wrong. Not many people do.',
        status: 'approved',
        minutesAfterPost: 380,
      },
    ],
  },

  // ---------------------------------------------------------------- day 10
  {
    slug: 'parking-consultation-fore-street',
    title: 'Council asks residents: should Fore Street go car-free in summer?',
    excerpt:
      'A six-week consultation has opened on plans to close the lower half of Fore Street to traffic from June to September. Traders are split.',
    bodyHtml: `<p>Port Ardle Town Council has opened a public consultation on a proposal to close the lower half of Fore Street to motor traffic during the summer months, turning it into a pedestrian zone from the Anchor Inn to the harbour.</p>
<p>Under the plan, the street would be closed from 11am to 7pm each day between June and September, with access for deliveries in the mornings and for blue badge holders at all times. The twenty-two parking spaces on the street would be replaced by extra bays at the Mill Lane car park.</p>
<h2>Supporters and sceptics</h2>
<p>Councillor Ruth Penhallow, who proposed the trial, said the street was “simply too narrow for cars and crowds at the same time” in high season. “Every August we have people squeezing between wing mirrors with pushchairs,” she said. “This is about safety first.”</p>
<p>Traders are divided. Several café owners welcomed the idea of extra space for outdoor tables. But Sandra Hosking, who runs a gift shop near the top of the street, worried that older customers would find the walk from Mill Lane too far. “Not everyone can manage the hill,” she said.</p>
<blockquote>“We want to hear from people who live here, not just people who visit. Please fill it in, even if your answer is ‘leave it alone’.”</blockquote>
<p>The council says it will also look at a shuttle bus between the car park and the harbour if the trial goes ahead, though no funding has yet been identified.</p>
<p>Paper copies of the consultation are available at the library and the town hall, and responses can be submitted online via the <a href="https://example.org/port-ardle-council/fore-street">council’s consultation page</a>. The consultation closes in six weeks, and councillors are expected to make a decision before the end of spring.</p>`,
    labels: ['Town Council', 'Business'],
    author: 'tom-lindqvist',
    daysAgo: 10,
    hour: 18,
    status: 'published',
    comments: [
      {
        name: 'Sandra H.',
        email: 'sandra.h@example.com',
        body: 'I am all for safety, but the Mill Lane walk is steep. A shuttle needs to be part of the plan from day one, not an afterthought.',
        status: 'approved',
        minutesAfterPost: 55,
        replies: [
          {
            name: 'Tom Lindqvist',
            email: 'tom@broadsheet.test',
            body: 'Thanks Sandra. We have asked the council whether a shuttle would be in place for the first summer and will update the story when they reply.',
            status: 'approved',
            minutesAfterPost: 140,
          },
        ],
      },
      {
        name: 'Pushchair Dad',
        email: 'pushchairdad@example.com',
        body: 'Anyone who has tried to get a double buggy down Fore Street in August will be voting yes.',
        status: 'approved',
        minutesAfterPost: 200,
      },
      {
        name: 'J. Marsh',
        email: 'jmarsh@example.com',
        body: 'Filled it in. Took about five minutes.',
        status: 'approved',
        minutesAfterPost: 1440,
      },
    ],
  },

  // ---------------------------------------------------------------- day 12
  {
    slug: 'library-poetry-night-returns',
    title: 'Sea poems and standing room only as library poetry night returns',
    excerpt:
      'More than sixty people packed into Port Ardle library for the first open-mic poetry evening since the building’s renovation.',
    bodyHtml: `<p>The chairs ran out at ten past seven. By half past, people were sitting on the carpet between the local history shelves and leaning in the doorway, as Port Ardle library’s poetry night returned after a two-year gap.</p>
<p>The evening, run by the volunteer group Friends of Ardle Library, was the first since the building reopened after its renovation. Organisers had expected around thirty people. More than sixty came.</p>
<p>Twenty-one readers took to the small stage, beneath the library’s restored ship’s figurehead. The youngest was nine and read a poem about her grandfather’s boat; the oldest, a retired pilot boatman, recited a long ballad from memory about a wreck off Gull Point in his father’s time.</p>
<h2>The sea, mostly</h2>
<p>Unsurprisingly for a harbour town, the sea dominated. There were poems about fog, about mackerel, about the sound of halyards slapping against masts at night. One reader brought a poem entirely about the ferry timetable, which got the biggest laugh of the evening.</p>
<blockquote>“Libraries are supposed to be quiet, but this is the good kind of noise.”</blockquote>
<p>Librarian Owen Treloar said the evening showed what the renovated building could be used for. “We have more space now, and better lighting, and a proper sound system instead of a karaoke machine,” he said. “We want it to be full in the evenings, not just in the mornings.”</p>
<p>The group plans to hold poetry nights on the first Thursday of every month. A selection of poems from the evening will be printed in a small booklet, with proceeds going towards the library’s children’s book fund.</p>
<p>Anyone wishing to read at the next event can sign up at the front desk. Organisers promise more chairs.</p>`,
    labels: ['Culture'],
    author: 'maya-okafor',
    daysAgo: 12,
    hour: 21,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 15
  {
    slug: 'inshore-fleet-quota-changes',
    title: 'Inshore fleet braced for tighter limits on pollack and bass',
    excerpt:
      'Port Ardle’s small boat skippers say new catch limits could cost them a fifth of their income, while scientists argue the stocks need time to recover.',
    bodyHtml: `<p>The skippers of Port Ardle’s inshore fleet gathered in the harbour office on Monday evening to hear details of new catch limits that will take effect next month. Few of them left happy.</p>
<p>Under the changes, boats under ten metres will face lower monthly limits on pollack and a shorter open season for bass. The regional fisheries authority says both stocks have declined and need protecting. The fleet, which numbers eleven boats, says the limits fall hardest on those who can least absorb them.</p>
<h2>“We are the ones who fish carefully”</h2>
<p>Aileen Trask, who fishes with her brother from the east steps, said the cut could cost her boat around a fifth of its annual income. “We use hand lines and small nets. We are the ones who fish carefully,” she said. “It feels like we are paying for other people’s habits.”</p>
<p>A marine scientist who works with the authority, speaking at the meeting, acknowledged the frustration but said the data were clear. “These are not numbers anyone wants to see,” she told the room. “If we do nothing, there will be less to catch in five years, not more.”</p>
<ul>
<li>Pollack monthly limits for small boats will fall by roughly a quarter.</li>
<li>The bass season will open a month later than last year.</li>
<li>The authority will review both measures after twelve months.</li>
</ul>
<p>The harbour board has promised to look at reducing landing fees for the inshore boats while the limits are in place. Harbourmaster Declan Roe said the fleet was “part of what makes this a working harbour, not just a pretty one”.</p>
<p>Some skippers are exploring diversification, including crab and lobster potting, or taking small groups of visitors out to see seals at Gull Point. Others say they will simply have to tighten their belts.</p>
<p>The authority’s full assessment is published on <a href="https://example.org/fisheries-authority/inshore-review">its website</a>.</p>`,
    labels: ['Harbour', 'Business'],
    author: 'tom-lindqvist',
    daysAgo: 15,
    hour: 8,
    status: 'published',
    cover: {
      src: '/demo/covers/boats.svg',
      alt: 'Illustration of three small fishing boats moored side by side on calm blue water with gulls overhead',
    },
    comments: [
      {
        name: 'Gull Point Walker',
        email: 'gullpoint@example.com',
        body: 'Hard on the small boats, but I would rather have fish in the bay in ten years. Hope the landing fee cut happens.',
        status: 'approved',
        minutesAfterPost: 90,
      },
      {
        name: 'Old Net Loft',
        email: 'netloft@example.com',
        body: 'My father fished out of this harbour for forty years. The inshore boats are always the first to be squeezed. Good piece, thank you for covering it properly.',
        status: 'approved',
        minutesAfterPost: 260,
      },
    ],
  },

  // ---------------------------------------------------------------- day 18
  {
    slug: 'sea-fog-ferry-delays',
    title: 'Thick sea fog strands ferry passengers for second day',
    excerpt:
      'A bank of dense fog that rolled in on Tuesday morning had still not lifted by Wednesday evening, cancelling six ferry crossings and leaving visitors stuck on both sides of the bay.',
    bodyHtml: `<p>For the second day running, Port Ardle woke up on Wednesday unable to see the end of its own harbour wall. A thick bank of sea fog, which rolled in early on Tuesday, cancelled six ferry crossings and left dozens of passengers stranded.</p>
<p>Visibility at the harbour mouth dropped to under fifty metres for much of both days. The foghorn on the lighthouse, which many residents had not heard in years, sounded every thirty seconds through Tuesday night.</p>
<h2>Why it stayed</h2>
<p>Forecasters said the fog had formed when warm, moist air from the south-west drifted over cooler sea water. With very little wind to shift it, the bank simply settled over the coast. “It’s a classic spring fog,” said one local weather watcher who has kept daily records since the 1990s. “The sea is still cold, the air is warming up, and there is nothing to blow it away.”</p>
<p>The ferry operator said it would not sail in such conditions, and offered refunds or rebookings to all affected passengers. Some visitors took the long road round the bay by taxi; others made the best of it.</p>
<blockquote>“We came for two nights and we’re on our fourth. Honestly, there are worse places to be stuck.”</blockquote>
<p>Guesthouses reported a run on extra nights, and the Anchor Inn said it had served more breakfasts on Wednesday than on any weekday since the summer. The lifeboat crew was put on standby but did not need to launch.</p>
<p>Forecasters expect a freshening breeze on Thursday to clear the fog by late morning. Passengers are advised to check the ferry operator’s website before travelling.</p>`,
    labels: ['Weather'],
    author: 'maya-okafor',
    daysAgo: 18,
    hour: 10,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 21
  {
    slug: 'robotics-team-regional-final',
    title: 'Ardle Academy robotics team sails into the regional final',
    excerpt:
      'A team of six students built a robot that can sort recycling by colour, and it has carried them further than any team from the school before.',
    bodyHtml: `<p>A robot called Barnacle, built from spare parts, a borrowed camera and what one student described as “far too much cable tie”, has carried Ardle Academy into the regional final of a schools engineering competition for the first time.</p>
<p>The team of six, aged between fourteen and sixteen, designed Barnacle to pick up small items of recycling from a conveyor belt and sort them by colour and material. At the qualifying round last weekend it correctly sorted forty-three out of fifty items, placing the team second out of eighteen schools.</p>
<h2>Inspired by the beach</h2>
<p>Team captain Isla Marsh said the idea came from a beach clean the group joined last autumn. “We picked up so much plastic, and then you find out a lot of it doesn’t get recycled because it’s sorted wrong,” she said. “So we thought, what if a robot did the boring part?”</p>
<p>Physics teacher Mr Daniel Osei, who runs the after-school club, said the students had done almost all the work themselves. “My main job was unlocking the lab and telling them to go home at six,” he said. “They taught themselves computer vision from online tutorials. I could not have done that at fifteen.”</p>
<blockquote>“The first version of Barnacle tried to recycle my pencil case. We’ve fixed that now.”</blockquote>
<p>The final takes place next month. The team needs to raise around six hundred pounds to cover travel, replacement motors and a better camera. A local marine engineering firm has already pledged two hundred.</p>
<p>Anyone wishing to support the team can contact the school office. Students will also demonstrate Barnacle at Quayside Market on Saturday, where, they promise, it will not attempt to sort the pickles.</p>`,
    labels: ['Schools'],
    author: 'tom-lindqvist',
    daysAgo: 21,
    hour: 13,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 24
  {
    slug: 'town-hall-clock-restored',
    title: 'Town hall clock ticks again after eighteen silent months',
    excerpt:
      'The Victorian clock above Port Ardle town hall struck noon on Thursday for the first time since a lightning strike stopped it, thanks to a team of volunteer restorers.',
    bodyHtml: `<p>At noon on Thursday, for the first time in eighteen months, the clock above Port Ardle town hall struck twelve. A small crowd gathered in Market Square clapped on every chime.</p>
<p>The clock, installed in 1887, fell silent after a lightning strike damaged its electric winding mechanism and cracked part of the dial. Repair quotes from specialist firms ran to tens of thousands of pounds, and the town council put the work on hold while it looked for funding.</p>
<h2>Volunteers stepped in</h2>
<p>In the end, much of the work was done by a group of four volunteers, led by retired marine engineer Walter Hendy. Over the winter they dismantled the movement, cleaned and repaired each component by hand, and fitted a new, simpler winding motor. A specialist firm was brought in only to replace the cracked glass.</p>
<p>“It’s not so different from an old ship’s engine,” Mr Hendy said. “Brass, iron, oil and patience. Mostly patience.”</p>
<blockquote>“My grandmother set her watch by that clock. It felt wrong, walking past it and it saying twenty to four all day.”</blockquote>
<p>The council contributed around three thousand pounds towards materials and the glazing, a fraction of the original estimates. Councillor Ruth Penhallow thanked the volunteers at a short ceremony before the clock struck. “This is what this town does best,” she said. “Somebody says it can’t be done, and then someone’s uncle turns up with a toolbox.”</p>
<p>The volunteers will now check and wind the clock every week. They say they are looking for one or two younger helpers to learn the work, “so it doesn’t stop again when we do”.</p>`,
    labels: ['Town Council', 'Culture'],
    author: 'maya-okafor',
    daysAgo: 24,
    hour: 12,
    status: 'published',
    cover: {
      src: '/demo/covers/town-hall.svg',
      alt: 'Illustration of a small town hall with a clock tower and a flag, set against a soft orange sky',
    },
    comments: [
      {
        name: 'Market Square Regular',
        email: 'marketsq@example.com',
        body: 'I actually stopped to listen to it strike on my way home. Lovely to have it back. Thank you to Walter and the team.',
        status: 'approved',
        minutesAfterPost: 75,
      },
    ],
  },

  // ---------------------------------------------------------------- day 28
  {
    slug: 'chapel-street-bookshop-new-owners',
    title: 'Chapel Street bookshop saved as staff take over the business',
    excerpt:
      'Two long-serving booksellers have bought The Tideline Bookshop from its retiring founder, ending months of worry that it would close.',
    bodyHtml: `<p>When the owner of The Tideline Bookshop announced last autumn that she was retiring, many in Port Ardle assumed the shop on Chapel Street would close. This week its two longest-serving members of staff confirmed they had bought it.</p>
<p>Nell Abernethy and Sam Kitto, who have worked at the shop for nine and six years respectively, completed the purchase on Monday with help from a small business loan and, they said, “every penny we had”.</p>
<h2>Same shelves, new ideas</h2>
<p>Founder Margaret Vosper opened the shop thirty-one years ago in what had been a chandlery. She will stay on for a few hours a week, mainly to run the second-hand section. “I could not have chosen better people,” she said. “They know the stock better than I do now.”</p>
<p>The new owners say they do not plan major changes, but want to add a small café corner, more events and a children’s story hour on Saturday mornings to coincide with the quayside market.</p>
<blockquote>“People keep telling us bookshops are finished. But this one has been full every Saturday for thirty years.”</blockquote>
<p>Local businesses welcomed the news. Chapel Street has lost two shops in the past year, a florist and a shoe repairer, and traders had feared that losing the bookshop would make it harder to draw people up from the harbour.</p>
<p>Ms Abernethy said the response from customers had been overwhelming. “We have had people coming in to buy a book just to say congratulations,” she said. “Which, to be clear, is the best possible way to say congratulations.”</p>
<p>The shop will close for two days next week for a stocktake and a fresh coat of paint, and reopens on Thursday.</p>`,
    labels: ['Business', 'Culture'],
    author: 'tom-lindqvist',
    daysAgo: 28,
    hour: 15,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 32
  {
    slug: 'spring-tides-flood-gates-tested',
    title: 'New flood gates pass their first real test during spring tides',
    excerpt:
      'The flood gates installed at the bottom of Slipway Hill last winter held back the highest tide of the year, with only minor puddling on the promenade.',
    bodyHtml: `<p>The new flood gates at the bottom of Slipway Hill faced their first serious test on Tuesday night, as a spring tide and a brisk onshore wind pushed the sea higher than at any point this year. They held.</p>
<p>High water peaked at 9.52pm, about forty centimetres above the normal spring tide level. In previous years a tide of that size would have sent water across Marine Parade and into the cellars of several houses on Fore Street. This time, the flooding was limited to puddles on the promenade.</p>
<h2>Two years in the making</h2>
<p>The gates were installed last winter after a long campaign by residents whose homes flooded three times in five years. They are closed by council staff when high tides are forecast, sealing the gap in the sea wall where the slipway road meets the front.</p>
<p>Resident Joan Pascoe, whose basement has flooded twice, watched from her front step. “I didn’t sleep properly on a high tide for years,” she said. “Tonight I’m going to bed.”</p>
<ul>
<li>The gates were closed at 8.30pm and reopened at 11.15pm.</li>
<li>Council staff checked drains along Marine Parade before and after high water.</li>
<li>No properties reported flooding.</li>
</ul>
<p>The council’s engineer said the gates performed as designed but cautioned that they were “one part of the answer, not the whole of it”. Work is still needed on the drainage outfall near the lifeboat station, which can back up when the tide is high and rain is heavy.</p>
<p>The next set of spring tides is due in a fortnight. Residents can sign up for text alerts about gate closures through the town hall.</p>`,
    labels: ['Weather', 'Harbour'],
    author: 'maya-okafor',
    daysAgo: 32,
    hour: 6,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 37
  {
    slug: 'school-meals-local-suppliers',
    title: 'Local fish and veg on the menu as schools switch suppliers',
    excerpt:
      'Three Port Ardle schools will buy fish from the harbour and vegetables from valley farms under a new catering contract that starts after half term.',
    bodyHtml: `<p>Pupils at three Port Ardle schools will soon be eating fish landed in their own harbour, under a new catering arrangement that aims to buy more food from within twenty miles of the town.</p>
<p>The contract, agreed by St Brannoc’s Primary, Gull Point Primary and Ardle Academy, will see at least a third of ingredients sourced locally by the end of the school year. Fish will come from the inshore fleet, vegetables from two farms in the Ardle valley and bread from a bakery on the quay.</p>
<h2>Cost and quality</h2>
<p>Headteacher Grace Pellow said the schools had been unhappy with the previous supplier, whose meals were prepared in a central kitchen more than sixty miles away. “Food was arriving lukewarm, and the children could tell,” she said. “Now it will be cooked on site, from things they can see growing on the way to school.”</p>
<p>The schools insist the new arrangement will not cost parents more. Menus will be more seasonal, which the catering manager said would help keep prices down. “Cauliflower in winter, strawberries in June,” she said. “Not the other way round.”</p>
<blockquote>“We landed the fish at seven this morning, and the kids will be eating it at half twelve. You can’t get fresher than that.”</blockquote>
<p>For the harbour’s small boats, which face tighter catch limits this year, a steady weekly order is welcome. Skipper Aileen Trask said the contract was small but reliable. “It won’t make anyone rich,” she said. “But it’s money we know is coming.”</p>
<p>Parents will be invited to a tasting evening at Ardle Academy before the new menus begin. Pupils at Gull Point have already voted on the name for the Friday fish dish. The winner, by a wide margin, was “Harbour Bites”.</p>`,
    labels: ['Schools', 'Business'],
    author: 'maya-okafor',
    daysAgo: 37,
    hour: 17,
    status: 'published',
  },

  // ---------------------------------------------------------------- day 42
  {
    slug: 'regatta-appeal-for-volunteers',
    title: 'Regatta committee appeals for volunteers as numbers dwindle',
    excerpt:
      'Port Ardle’s summer regatta has run for more than a century, but organisers warn it needs at least twenty new helpers to go ahead this year.',
    bodyHtml: `<p>The committee behind Port Ardle’s summer regatta has issued an appeal for volunteers, warning that without at least twenty new helpers this year’s event may have to be scaled back.</p>
<p>The regatta, first held in 1908, draws several thousand people to the harbour each August for rowing races, a raft race, crabbing competitions and a fireworks display over the bay. It is run entirely by volunteers, and the committee says the core team has shrunk to just nine people, most of them over sixty.</p>
<h2>Jobs for every level</h2>
<p>Committee chair Frances Tremayne said the roles on offer ranged from marshalling and timekeeping to running the tea tent and counting crabs. “You do not need to know anything about boats,” she said. “You need to be able to stand on a quay in a hi-vis vest and be nice to people.”</p>
<ul>
<li>Race marshals and safety boat crew (training provided)</li>
<li>Car park and road closure stewards</li>
<li>Tea tent, raffle and programme sellers</li>
<li>A treasurer, ideally someone who likes spreadsheets</li>
</ul>
<p>The regatta was cancelled twice in recent years, once for weather and once for lack of insurance cover, and organisers say they cannot afford to lose another year. “Once a tradition stops, it is very hard to start it again,” Ms Tremayne said.</p>
<blockquote>“My first regatta job was selling programmes when I was twelve. Forty years later, I’m still here. It gets in your blood.”</blockquote>
<p>An information evening will be held at the rowing club next Wednesday at 7pm. Anyone unable to attend can register interest on the <a href="https://example.org/ardle-regatta/help">regatta website</a>.</p>`,
    labels: ['Culture', 'Harbour'],
    author: 'tom-lindqvist',
    daysAgo: 42,
    hour: 19,
    status: 'published',
  },

  // ---------------------------------------------------------------- draft
  {
    slug: 'budget-vote-draft',
    title: 'Council budget vote: what the new spending plan means for Port Ardle',
    excerpt:
      'Councillors will vote next week on a budget that protects the library and the flood defences but raises car park charges for the first time in four years.',
    bodyHtml: `<p>Port Ardle Town Council will vote next Tuesday on its spending plan for the coming year, a budget that councillors describe as “tight but fair” and that opponents say leans too heavily on visitors and drivers.</p>
<p>The draft plan keeps the library’s opening hours unchanged and sets aside money for drainage work near the lifeboat station, but it proposes raising parking charges at Mill Lane and the harbour car park by twenty pence an hour.</p>
<h2>Where the money goes</h2>
<p>The largest single item remains street cleaning and public toilets, which account for nearly a third of the council’s spending. Grants to community groups, including the regatta and the Friends of Ardle Library, are held at last year’s levels.</p>
<p>Councillor Ruth Penhallow, who leads on finance, said the council had tried to protect the services people use every day. “Nobody likes paying more to park,” she said. “But the alternative was cutting hours at the library, and we were not willing to do that.”</p>
<p>Opposition councillors have argued that the increase will fall hardest on people who work in town but cannot afford to live in it, including care workers and hospitality staff who drive in from the valley for early shifts. They have proposed a discounted permit for anyone working within the parish, which officers estimate would cost around eight thousand pounds a year in lost income.</p>
<p>Some traders on Fore Street have questioned the timing, coming alongside the consultation on a summer car-free zone. [TODO: reaction from traders’ association — waiting for call back.]</p>
<p>The meeting is open to the public and starts at 7pm in the town hall. [TODO: check whether it will be streamed.]</p>`,
    labels: ['Town Council'],
    author: 'tom-lindqvist',
    daysAgo: 1,
    hour: 15,
    status: 'draft',
  },

  // ---------------------------------------------------------------- scheduled
  {
    slug: 'festival-lineup-scheduled',
    title: 'Harbour Lights festival announces its biggest line-up yet',
    excerpt:
      'Folk bands, a lantern parade and a sea shanty competition headline this year’s Harbour Lights festival, which runs over three days in late summer.',
    bodyHtml: `<p>The organisers of Harbour Lights, Port Ardle’s late-summer festival, have announced their most ambitious programme yet, with three days of music, food and a lantern parade along the harbour on the closing night.</p>
<p>Headlining the main stage on the west quay will be a folk trio from the valley, alongside a brass band from the neighbouring town and a ceilidh band that, organisers promise, will teach every dance before it starts.</p>
<h2>Shanties and lanterns</h2>
<p>New this year is a sea shanty competition, open to groups of four or more, with heats in the Anchor Inn and a final on the quay. Entries have already come in from the rowing club, the lifeboat crew and a group of Year 10 students from Ardle Academy.</p>
<p>The closing lantern parade will set off from Market Square at dusk, led by the town hall clock striking nine. Lantern-making workshops will run at the library in the fortnight before the festival, free of charge.</p>
<blockquote>“We want every street in town to have someone carrying a lantern. That’s the goal.”</blockquote>
<p>Festival chair Priya Nandakumar, who also runs the Saturday market, said the team had worked to keep most events free. “A festival in a town this size should be for the people who live here first,” she said.</p>
<p>Traders on Fore Street and the quay will be encouraged to stay open late on the Friday and Saturday evenings, and the harbour board has agreed to keep the west quay clear of vehicles for all three days. Extra buses will run from the valley villages on the final night.</p>
<p>Tickets for the small number of paid evening concerts go on sale next month. Full details will be published on the <a href="https://example.org/harbour-lights/programme">festival website</a>.</p>`,
    labels: ['Culture'],
    author: 'maya-okafor',
    daysAgo: 0,
    hour: 20,
    status: 'scheduled',
  },
];

export const demoAdSlots: {
  key: string;
  name: string;
  placement: 'sidebar' | 'in_article';
  width: number;
  height: number;
  position: number;
  afterParagraph?: number;
  pricePerWeekCents: number;
}[] = [
  {
    key: 'sidebar-top',
    name: 'Sidebar top',
    placement: 'sidebar',
    width: 300,
    height: 250,
    position: 0,
    pricePerWeekCents: 4500,
  },
  {
    key: 'sidebar-bottom',
    name: 'Sidebar bottom',
    placement: 'sidebar',
    width: 300,
    height: 250,
    position: 1,
    pricePerWeekCents: 3000,
  },
  {
    key: 'in-article',
    name: 'In-article',
    placement: 'in_article',
    width: 468,
    height: 60,
    position: 0,
    afterParagraph: 2,
    pricePerWeekCents: 2500,
  },
];

export const demoAds: {
  slotKey: string;
  advertiser: string;
  imageUrl: string;
  altText: string;
  headline: string;
  targetUrl: string;
  weight: number;
}[] = [
  {
    slotKey: 'sidebar-top',
    advertiser: 'Quayside Bakery',
    imageUrl: '/demo/ads/quayside-bakery.svg',
    altText:
      'Quayside Bakery advert: a golden loaf on a cream background with the words “Baked before the boats go out”',
    headline: 'Fresh bread from 6am, every day',
    targetUrl: 'https://example.com/quayside-bakery',
    weight: 3,
  },
  {
    slotKey: 'sidebar-top',
    advertiser: 'Northlight Kayaks',
    imageUrl: '/demo/ads/northlight-kayaks.svg',
    altText: 'Northlight Kayaks advert: an orange kayak on teal water under a low sun, with the words “Paddle the bay”',
    headline: 'Guided sea kayak trips from the west quay',
    targetUrl: 'https://example.com/northlight-kayaks',
    weight: 2,
  },
  {
    slotKey: 'sidebar-bottom',
    advertiser: 'Ledger Print & Copy',
    imageUrl: '/demo/ads/ledger-print-copy.svg',
    altText:
      'Ledger Print & Copy advert: a stack of coloured paper sheets with the words “Posters, flyers, wedding invites”',
    headline: 'Posters and flyers while you wait',
    targetUrl: 'https://example.com/ledger-print-copy',
    weight: 2,
  },
  {
    slotKey: 'sidebar-bottom',
    advertiser: 'Saltmarsh Dental',
    imageUrl: '/demo/ads/saltmarsh-dental.svg',
    altText:
      'Saltmarsh Dental advert: a simple white tooth icon on a mint green background with the words “New patients welcome”',
    headline: 'New patients welcome on Chapel Street',
    targetUrl: 'https://example.com/saltmarsh-dental',
    weight: 4,
  },
];
