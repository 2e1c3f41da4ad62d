import { render } from "preact";

render(<h1>Mailvet</h1>, document.getElementById("app")!);
